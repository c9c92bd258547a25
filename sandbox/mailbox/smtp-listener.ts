import { randomUUID } from "node:crypto";
import type { Socket } from "node:net";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { VirtualClock } from "../core/clock";
import type { Journal } from "../core/journal";
import type { MailboxFaults } from "./mailbox-faults";
import { parseMessage } from "./mailbox-message";
import type { MailboxStore } from "./mailbox-store";

/** The largest message the server takes (advertised with EHLO `SIZE`; larger ones get 552). */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export interface SmtpListener {
  /** The port it listens on (the one asked for, or the one picked for 0). */
  port: number;
  close(): Promise<void>;
}

export interface SmtpDeps {
  host: string;
  port: number;
  store: MailboxStore;
  faults: MailboxFaults;
  clock: VirtualClock;
  journal: Journal;
  /** Called after a message is stored (the module marks the state dirty). */
  onStored(): void;
}

// Errors of a client that simply went away; anything else is worth a line on the console.
const QUIET_ERRORS = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNECTION", "ESOCKET"]);

/**
 * The sandbox's SMTP server: what the ATS's mail goes to in local development and tests.
 * Loopback only, no TLS (STARTTLS is not offered) and no authentication needed (credentials a
 * client sends anyway are accepted), messages up to 10 MB. Each accepted message is parsed and
 * stored in the mailbox; the armed `MailboxFaults` can refuse or cut a delivery instead.
 */
export async function startSmtpListener(deps: SmtpDeps): Promise<SmtpListener> {
  const { store, faults, clock, journal } = deps;
  // The raw sockets by remote port (all clients are on loopback), so the
  // accept-then-drop-connection fault can cut the one a message arrived on.
  const sockets = new Map<number, Socket>();

  const note = (
    path: string,
    status: number,
    outcome: string,
    detail: string,
    started: number,
  ): void => {
    journal.add({
      at: new Date(clock.now()).toISOString(),
      method: "SMTP",
      path,
      status,
      kind: "smtp",
      outcome,
      detail,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  };

  const server = new SMTPServer({
    name: "indeed-sandbox.localhost",
    banner: "Indeed sandbox mailbox (local only; nothing is delivered)",
    logger: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    hideSTARTTLS: true,
    size: MAX_MESSAGE_BYTES,
    closeTimeout: 1000,
    // Every client is on loopback: no reverse DNS lookup to wait for.
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onRcptTo(address, _session, callback) {
      if (faults.refusesRecipient(address.address)) {
        note("RCPT TO", 550, "recipient-refused", address.address, performance.now());
        callback(smtpError(550, `5.1.1 <${address.address}>: mailbox unavailable (sandbox fault)`));
        return;
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const started = performance.now();
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes <= MAX_MESSAGE_BYTES) chunks.push(chunk);
      });
      // The client went away mid-message: nothing to store, nobody to answer.
      stream.on("error", () => undefined);
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          note("DATA", 552, "too-large", `${bytes} bytes`, started);
          callback(null); // smtp-server answers 552 for an oversized message
          return;
        }
        const envelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        };
        const verdict = faults.nextMessage();
        if (verdict === "refuse-temporarily") {
          note("DATA", 451, "refused-temporarily", envelope.rcptTo.join(", "), started);
          callback(
            smtpError(451, "4.3.0 Temporarily unable to accept the message (sandbox fault)"),
          );
          return;
        }
        const id = randomUUID();
        parseMessage(Buffer.concat(chunks), {
          id,
          receivedAt: new Date(clock.now()).toISOString(),
          envelope,
        }).then(
          (message) => {
            store.add(message);
            deps.onStored();
            if (verdict === "accept-then-drop") {
              note(
                "DATA",
                0,
                "accepted-then-dropped",
                `${id} to ${envelope.rcptTo.join(", ")}`,
                started,
              );
              // Stored, and the client never reads the 250: the connection is cut instead.
              sockets.get(session.remotePort)?.destroy();
              callback(null);
              return;
            }
            note("DATA", 250, "accepted", `${id} to ${envelope.rcptTo.join(", ")}`, started);
            callback(null, `OK: queued as ${id}`);
          },
          (error: unknown) => {
            console.warn("[sandbox] SMTP: could not parse a message", error);
            note("DATA", 451, "unparsable", String(error), started);
            callback(smtpError(451, "4.6.0 The sandbox could not parse the message"));
          },
        );
      });
    },
  });

  server.server.on("connection", (socket: Socket) => {
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, socket);
    socket.once("close", () => {
      if (sockets.get(port) === socket) sockets.delete(port);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(deps.port, deps.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  // A connection's errors surface here; without a listener one would crash the sandbox.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (!QUIET_ERRORS.has(error.code ?? "")) console.warn("[sandbox] SMTP:", error.message);
  });

  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : deps.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.values()) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An error smtp-server answers with `responseCode` and the message as the reply text. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}
