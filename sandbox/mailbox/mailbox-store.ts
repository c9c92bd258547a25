import { isAddressedTo, type MailboxMessage } from "./mailbox-message";

/** What the mailbox keeps at most: the oldest messages go first past either bound. */
export const MAILBOX_LIMITS = { messages: 1000, bytes: 100 * 1024 * 1024 };

export interface MailboxSnapshot {
  messages: MailboxMessage[];
}

/**
 * The messages the sandbox's SMTP server accepted, oldest first in memory, newest first when
 * listed. Persisted with the rest of the sandbox's state; a reset empties it.
 */
export class MailboxStore {
  private messages: MailboxMessage[] = [];
  private bytes = 0;

  constructor(private readonly limits = MAILBOX_LIMITS) {}

  get size(): number {
    return this.messages.length;
  }

  add(message: MailboxMessage): void {
    this.messages.push(message);
    this.bytes += message.size;
    while (
      this.messages.length > 1 &&
      (this.messages.length > this.limits.messages || this.bytes > this.limits.bytes)
    ) {
      const dropped = this.messages.shift();
      this.bytes -= dropped?.size ?? 0;
    }
  }

  /** Newest first; `to` keeps the messages addressed to it (any case), `limit` the newest N. */
  list(query: { to?: string; limit?: number } = {}): MailboxMessage[] {
    const newestFirst = [...this.messages].reverse();
    const matching =
      query.to === undefined ? newestFirst : newestFirst.filter((m) => isAddressedTo(m, query.to!));
    return query.limit === undefined ? matching : matching.slice(0, query.limit);
  }

  get(id: string): MailboxMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): void {
    this.messages = [];
    this.bytes = 0;
  }

  snapshot(): MailboxSnapshot {
    return { messages: this.messages };
  }

  /** Restores a snapshot; anything that is not one starts an empty mailbox (with a warning). */
  load(snapshot: unknown): void {
    this.clear();
    if (snapshot === undefined) return;
    const messages = (snapshot as Partial<MailboxSnapshot> | null)?.messages;
    if (!Array.isArray(messages)) {
      console.warn("[sandbox] the saved mailbox is not readable; starting with an empty mailbox");
      return;
    }
    for (const message of messages as unknown[]) {
      if (looksLikeMessage(message)) this.add(message);
    }
  }
}

function looksLikeMessage(value: unknown): value is MailboxMessage {
  const m = value as Partial<MailboxMessage> | null;
  return (
    typeof m?.id === "string" &&
    typeof m.receivedAt === "string" &&
    typeof m.rawBase64 === "string" &&
    typeof m.size === "number" &&
    Array.isArray(m.attachments) &&
    Array.isArray(m.envelope?.rcptTo)
  );
}
