/**
 * What an SMTP failure says about the message, for the delivery job (lib/mail/deliver.ts):
 *
 * - `temporary`: the server refused it with a 4xx, or no connection was made (refused, name not
 *   found, connect or greeting timeout, TLS or login failure): it was not delivered; retry.
 * - `permanent`: the server refused it with a 5xx (`550` unknown recipient…): it was not
 *   delivered and a retry would be refused the same way; fail it, for a person to resend.
 * - `uncertain`: the connection broke with no reply (closed, reset, a socket timeout). It may
 *   have broken after the server stored the message and before its 250 reached us: resending
 *   could deliver a second copy, so the message is held as `unknown` for a person instead.
 */
export type SmtpFailure = "temporary" | "permanent" | "uncertain";

interface NodemailerError {
  code?: string;
  responseCode?: number;
  message?: string;
}

const NO_CONNECTION = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/;

export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (error ?? {}) as NodemailerError;
  if (typeof e.responseCode === "number" && e.responseCode >= 400) {
    return e.responseCode >= 500 ? "permanent" : "temporary";
  }
  const message = e.message ?? "";
  switch (e.code) {
    case "EDNS":
    case "ETLS":
    case "EAUTH":
    case "ENOAUTH":
      return "temporary";
    case "EENVELOPE":
      // No recipient or sender nodemailer could use: nothing was sent, and nothing will be.
      return "permanent";
    case "ETIMEDOUT":
      return /Connection timeout|Greeting never received/i.test(message)
        ? "temporary"
        : "uncertain";
    case "ESOCKET":
    case "ECONNECTION":
      return NO_CONNECTION.test(message) ? "temporary" : "uncertain";
    default:
      return NO_CONNECTION.test(message) || NO_CONNECTION.test(e.code ?? "")
        ? "temporary"
        : "uncertain";
  }
}

/** One line for the message history: the server's reply when there was one. */
export function describeSmtpError(error: unknown): string {
  const e = (error ?? {}) as NodemailerError;
  const text = (e.message ?? String(error)).replace(/\s+/g, " ").trim();
  return (e.code ? `${e.code}: ${text}` : text).slice(0, 500);
}
