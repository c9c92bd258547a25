import { describe, expect, it } from "vitest";
import { control, setupTestSandbox } from "../testing/harness";
import { ICS_REQUEST, invitation, listMessages, transport } from "./test-harness";

const sandbox = setupTestSandbox({ resetBeforeEach: true });

const HOSTILE_HTML =
  '<p>Hello</p><script>window.parent.document.title="owned"</script><img src=x onerror="alert(1)">';

async function page(path: string) {
  const response = await fetch(`${sandbox.url}${path}`, { headers: { Accept: "text/html" } });
  return { response, html: await response.text() };
}

describe("the mailbox pages", () => {
  it("list the messages with subject, sender, recipient and attachments, and never inline a mail's HTML", async () => {
    await transport(sandbox).sendMail(
      invitation({ subject: "Interview <b>tomorrow</b>", html: HOSTILE_HTML }),
    );
    const { response, html } = await page("/_sandbox/mailbox");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).toContain("Interview &lt;b&gt;tomorrow&lt;/b&gt;");
    expect(html).toContain("jo.candidate@example.net");
    expect(html).toContain("invite.ics");
    expect(html).toContain("(REQUEST)");
    // The page has no script or image of its own: any would be the mail's, unescaped.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
  });

  it("show one message: its text escaped, its HTML only in a sandboxed frame served with a strict CSP", async () => {
    await transport(sandbox).sendMail(invitation({ html: HOSTILE_HTML, text: "Hi <there>" }));
    const [message] = (await listMessages(sandbox)).messages;
    const base = `/_sandbox/mailbox/messages/${message!.id}`;

    const { response, html } = await page(base);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("frame-src 'self'");
    expect(html).toContain("Hi &lt;there&gt;");
    // The page has no script or image of its own: any would be the mail's, unescaped.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain(`<iframe sandbox="" src="${base}/html"`);

    const body = await page(`${base}/html`);
    expect(body.response.status).toBe(200);
    const csp = body.response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/(^|; )sandbox($|;)/);
    expect(csp).not.toContain("script-src");
    expect(body.response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(body.html).toBe(HOSTILE_HTML);

    // Scripts and curl get JSON from the same URL.
    const json = await control(sandbox, "GET", base);
    expect(json.body).toMatchObject({ id: message!.id });
  });

  it("download an attachment (the .ics) and the raw message", async () => {
    await transport(sandbox).sendMail(invitation());
    const [message] = (await listMessages(sandbox)).messages;
    const calendar = message!.attachments.findIndex((a) => a.method === "REQUEST");
    const ics = await fetch(`${sandbox.url}${message!.attachments[calendar]!.url}`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toMatch(/^text\/calendar;.*method=REQUEST/);
    expect(ics.headers.get("content-disposition")).toMatch(/^attachment; filename="part-\d+\.ics"/);
    expect(await ics.text()).toBe(ICS_REQUEST);

    const named = message!.attachments.find((a) => a.filename === "invite.ics")!;
    const file = await fetch(`${sandbox.url}${named.url}`);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="invite\.ics"/);

    const raw = await fetch(`${sandbox.url}/_sandbox/mailbox/messages/${message!.id}/raw`);
    expect(raw.headers.get("content-type")).toBe("message/rfc822");
    expect(await raw.text()).toBe(message!.raw);

    expect(
      (await fetch(`${sandbox.url}/_sandbox/mailbox/messages/${message!.id}/attachments/99`))
        .status,
    ).toBe(404);
  });

  it("clear the mailbox from the page's own form, and refuse a cross-site one", async () => {
    await transport(sandbox).sendMail(invitation());
    const { html } = await page("/_sandbox/mailbox");
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    expect(token).toBeTruthy();

    const crossSite = await fetch(`${sandbox.url}/_sandbox/mailbox/clear`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "https://evil.example",
      },
      body: `csrf=${encodeURIComponent(token!)}`,
    });
    expect(crossSite.status).toBe(403);
    expect((await listMessages(sandbox)).total).toBe(1);

    const own = await fetch(`${sandbox.url}/_sandbox/mailbox/clear`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: sandbox.url },
      body: `csrf=${encodeURIComponent(token!)}`,
      redirect: "manual",
    });
    expect(own.status).toBe(302);
    expect(own.headers.get("location")).toBe("/_sandbox/mailbox");
    expect((await listMessages(sandbox)).total).toBe(0);
  });

  it("link the mailbox from the sandbox home page", async () => {
    const { html } = await page("/");
    expect(html).toContain('href="/_sandbox/mailbox"');
    expect(html).toContain(`smtp://127.0.0.1:${sandbox.smtpPort}`);
  });
});
