import type { ServerResponse } from "node:http";
import { z } from "zod";
import { checkBody, readJson, readJsonBody } from "../core/control";
import {
  HttpError,
  redirect,
  sendHtml,
  sendJson,
  type Router,
  type SandboxRequest,
} from "../core/http";
import type { SandboxContext } from "../core/module";
import { renderPage } from "../core/page";
import { clearFaultsSchema, mailboxFaultSchema, type MailboxFaults } from "./mailbox-faults";
import { messageJson, type MailboxMessage } from "./mailbox-message";
import { MAILBOX_LIMITS, type MailboxStore } from "./mailbox-store";
import { mailboxPage } from "./pages/mailbox-page";
import { messagePage } from "./pages/message-page";

export interface MailboxRouteDeps {
  context: SandboxContext;
  store: MailboxStore;
  faults: MailboxFaults;
  smtpUrl(): string;
}

const CLEAR_ACTION = "/_sandbox/mailbox/clear";

// What the HTML body of a mail may do inside its frame: show itself with its inline styles and
// images, nothing else. `sandbox` gives it an opaque origin and no scripts even when opened on
// its own, outside the frame.
const MAIL_HTML_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data: http: https:",
  "font-src data:",
  "form-action 'none'",
  "base-uri 'none'",
  "sandbox",
].join("; ");

/**
 * The mailbox's routes: the page, the JSON list, one message (page or JSON), its HTML body,
 * attachments and raw MIME, clearing, and the SMTP faults.
 */
export function mountMailboxRoutes(router: Router, deps: MailboxRouteDeps): void {
  const { context, store, faults } = deps;

  router.on("GET", "/_sandbox/mailbox", (_req, res) => {
    const page = mailboxPage({
      messages: store.list({ limit: 200 }),
      total: store.size,
      smtpUrl: deps.smtpUrl(),
      faults: faults.view(),
      clearToken: context.controlFormToken(CLEAR_ACTION),
    });
    const rendered = renderPage(page);
    sendHtml(res, 200, rendered.html, rendered.headers);
  });

  router.on("GET", "/_sandbox/mailbox/messages", (req, res) => {
    const q = req.url.searchParams;
    const to = q.get("to") ?? undefined;
    const limit = limitParam(q.get("limit"));
    const messages = store.list({ to: to === "" ? undefined : to, limit });
    sendJson(res, 200, { messages: messages.map(messageJson), total: store.size });
  });

  router.on("GET", "/_sandbox/mailbox/messages/:id", (req, res, params) => {
    const message = messageFrom(store, params.id);
    if (!wantsHtml(req)) {
      sendJson(res, 200, messageJson(message));
      return;
    }
    const rendered = renderPage(messagePage(message));
    sendHtml(res, 200, rendered.html, {
      ...rendered.headers,
      // The one frame: the message's own HTML body, from this origin.
      "Content-Security-Policy": `${rendered.headers["Content-Security-Policy"]}; frame-src 'self'`,
    });
  });

  router.on("GET", "/_sandbox/mailbox/messages/:id/html", (_req, res, params) => {
    const message = messageFrom(store, params.id);
    if (message.html === null) throw new HttpError(404, "This message has no HTML part");
    sendHtml(res, 200, message.html, {
      "Content-Security-Policy": MAIL_HTML_CSP,
      "X-Frame-Options": "SAMEORIGIN",
      "Referrer-Policy": "no-referrer",
    });
  });

  router.on("GET", "/_sandbox/mailbox/messages/:id/raw", (_req, res, params) => {
    const message = messageFrom(store, params.id);
    download(res, Buffer.from(message.rawBase64, "base64"), {
      contentType: "message/rfc822",
      filename: `${message.id}.eml`,
    });
  });

  router.on("GET", "/_sandbox/mailbox/messages/:id/attachments/:index", (_req, res, params) => {
    const message = messageFrom(store, params.id);
    const index = /^\d{1,4}$/.test(params.index ?? "") ? Number(params.index) : -1;
    const attachment = message.attachments[index];
    if (!attachment) throw new HttpError(404, "No such attachment");
    download(res, Buffer.from(attachment.contentBase64, "base64"), {
      contentType: attachment.contentType,
      filename: attachment.filename ?? `part-${index + 1}${extensionFor(attachment.contentType)}`,
    });
  });

  router.on("POST", CLEAR_ACTION, async (req, res) => {
    if (isFormPost(req)) {
      store.clear();
      context.markDirty();
      redirect(res, "/_sandbox/mailbox", { "Cache-Control": "no-store" });
      return;
    }
    checkBody(await readJson(req), z.strictObject({}));
    store.clear();
    context.markDirty();
    sendJson(res, 200, { ok: true });
  });

  router.on("GET", "/_sandbox/mailbox/faults", (_req, res) => {
    sendJson(res, 200, faults.view());
  });

  router.on("POST", "/_sandbox/mailbox/faults", async (req, res) => {
    faults.arm(await readJsonBody(req, mailboxFaultSchema));
    sendJson(res, 200, faults.view());
  });

  router.on("POST", "/_sandbox/mailbox/faults/clear", async (req, res) => {
    faults.clear(await readJsonBody(req, clearFaultsSchema));
    sendJson(res, 200, faults.view());
  });
}

function messageFrom(store: MailboxStore, id: string | undefined): MailboxMessage {
  const message = store.get(id ?? "");
  if (!message) throw new HttpError(404, "No such message in the mailbox");
  return message;
}

/** A browser asking for a page (and not `?format=json`) gets HTML; scripts and curl get JSON. */
function wantsHtml(req: SandboxRequest): boolean {
  if (req.url.searchParams.get("format") === "json") return false;
  return (req.headers.accept ?? "").includes("text/html");
}

function isFormPost(req: SandboxRequest): boolean {
  return (req.headers["content-type"] ?? "")
    .toLowerCase()
    .startsWith("application/x-www-form-urlencoded");
}

function limitParam(value: string | null): number | undefined {
  if (value === null || value === "") return undefined;
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1)
    throw new HttpError(400, "limit must be a positive whole number");
  return Math.min(Number(value), MAILBOX_LIMITS.messages);
}

function download(
  res: ServerResponse,
  body: Buffer,
  options: { contentType: string; filename: string },
): void {
  // A header value that node would refuse (a parameter with a line break) falls back to bytes.
  const contentType = /^[\x20-\x7e]+$/.test(options.contentType)
    ? options.contentType
    : "application/octet-stream";
  const ascii = options.filename.replace(/[^\w.-]+/g, "_").slice(0, 120) || "download";
  res.writeHead(200, {
    "Content-Type": contentType,
    "Content-Length": String(body.length),
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(options.filename)}`,
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  });
  res.end(body);
}

function extensionFor(contentType: string): string {
  const media = contentType.split(";")[0]?.trim().toLowerCase();
  if (media === "text/calendar" || media === "application/ics") return ".ics";
  if (media === "text/plain") return ".txt";
  if (media === "text/html") return ".html";
  return ".bin";
}
