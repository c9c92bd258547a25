import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { escapeHtml, sendHtml } from "./http";

export interface PageOptions {
  title: string;
  /** Trusted markup for `<main>`; callers escape what they interpolate. */
  main: string;
  /** Origins a form on this page may end up at after a redirect (CSP form-action). */
  formTargets?: string[];
  /** Tables of ids, URLs and secrets need room; the sign-in pages stay narrow and focused. */
  wide?: boolean;
}

// One small stylesheet for every sandbox page: readable, high-contrast, a visible focus ring.
const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;background:#f6f7f9}
header,main,footer{max-width:44rem;margin:0 auto;padding:1rem 1.25rem}
.wide header,.wide main,.wide footer{max-width:72rem}
header{border-bottom:1px solid #d0d4dc}
header p{margin:0;font-weight:600;color:#2d2f36}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
a{color:#0b4bb3}
.card{background:#fff;border:1px solid #d0d4dc;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
.accounts{list-style:none;padding:0;margin:0;display:grid;gap:.5rem}
.account{display:block;width:100%;text-align:left;padding:.75rem 1rem;border:1px solid #8a90a0;border-radius:6px;background:#fff;color:#1b1b1f;font:inherit;cursor:pointer}
.account:hover{background:#eef3fc}
.account small{display:block;color:#454955}
fieldset{border:1px solid #d0d4dc;border-radius:6px;margin:0 0 1rem;padding:.5rem 1rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;gap:.6rem;align-items:flex-start;margin:.5rem 0}
.choice input{margin-top:.3rem;width:1.1rem;height:1.1rem}
.hint{color:#454955;font-size:.95rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1rem}
button,input,select{font:inherit}
input:not([type=radio]):not([type=checkbox]),select{padding:.35rem .5rem;border:1px solid #8a90a0;border-radius:4px;background:#fff;color:#1b1b1f;max-width:100%}
dt{font-weight:600;margin-top:.4rem}
dd{margin-left:1.25rem}
.primary,.secondary{padding:.6rem 1.2rem;border-radius:6px;cursor:pointer;border:2px solid #0b4bb3}
.primary{background:#0b4bb3;color:#fff}
.secondary{background:#fff;color:#0b4bb3}
.link{background:none;border:none;padding:0;color:#0b4bb3;text-decoration:underline;cursor:pointer}
:focus-visible{outline:3px solid #c2410c;outline-offset:2px}
.error{border-left:4px solid #b42318}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #d0d4dc;vertical-align:top}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em;background:#eef0f4;padding:0 .2rem;border-radius:3px;overflow-wrap:break-word}
td code{white-space:nowrap}
`;

/** A complete, accessible HTML page with a nonce-based CSP (no scripts at all). */
export function renderPage(options: PageOptions): {
  html: string;
  headers: Record<string, string>;
} {
  const nonce = randomBytes(16).toString("base64");
  const formAction = ["'self'", ...(options.formTargets ?? [])].join(" ");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(options.title)} · Indeed sandbox</title>
<style nonce="${nonce}">${STYLESHEET}</style>
</head>
<body${options.wide ? ' class="wide"' : ""}>
<header><p>Indeed sandbox <span class="hint">(a local stand-in for Indeed; not the real service)</span></p></header>
<main>
${options.main}
</main>
<footer><p class="hint"><a href="/">Sandbox home</a></p></footer>
</body>
</html>`;
  return {
    html,
    headers: {
      "Content-Security-Policy": [
        "default-src 'none'",
        `style-src 'nonce-${nonce}'`,
        "img-src 'self' data:",
        `form-action ${formAction}`,
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ].join("; "),
      // Other sites never see a sandbox URL (lobby tokens, authorize parameters), yet the
      // page's own form posts keep their Origin, which the control API checks: under
      // no-referrer a browser sends `Origin: null`, even to the same origin.
      "Referrer-Policy": "same-origin",
    },
  };
}

export function sendPage(
  res: ServerResponse,
  status: number,
  options: PageOptions,
  headers: Record<string, string> = {},
): void {
  const page = renderPage(options);
  sendHtml(res, status, page.html, { ...page.headers, ...headers });
}
