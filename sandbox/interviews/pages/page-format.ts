import { escapeHtml } from "../../core/http";
import { localWhen } from "../local-time";

export { localWhen };

/** A `<time>` element with the UTC instant as its machine-readable value. */
export function timeTag(ms: number, timezone = "UTC"): string {
  return `<time datetime="${new Date(ms).toISOString()}">${escapeHtml(localWhen(ms, timezone))}</time>`;
}

/** A definition list from label/markup pairs (the markup is trusted). */
export function detailsList(rows: [string, string][]): string {
  return `<dl>${rows.map(([label, html]) => `<dt>${escapeHtml(label)}</dt><dd>${html}</dd>`).join("")}</dl>`;
}

export const code = (value: string) => `<code>${escapeHtml(value)}</code>`;
