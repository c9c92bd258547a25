import "server-only";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";

/**
 * The SMTP transport for SMTP_URL: pooled (a few connections reused between messages), with
 * timeouts well under the job's expiry, so a hung server ends the attempt before pg-boss hands
 * the job to another worker.
 */
export interface MailTransport {
  send(mail: Mail.Options): Promise<{ response: string; messageId: string }>;
  close(): void;
}

export function smtpPoolOptions(smtpUrl: string): SMTPPool.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  return {
    pool: true,
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }
      : {}),
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  };
}

export function createMailTransport(smtpUrl: string): MailTransport {
  const transport = nodemailer.createTransport(smtpPoolOptions(smtpUrl));
  return {
    async send(mail) {
      const info = await transport.sendMail(mail);
      return { response: info.response, messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
