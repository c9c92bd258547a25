/**
 * `findVirtualInterviewEvents` cursors: unpadded base64url of `<event uuid>|<offset>`, the
 * shape of the guide's sample cursor. The uuid is the event the cursor points at (so paging
 * stays stable when events are added before it); the offset is its position, used when that
 * event no longer matches the query.
 */
const CURSOR_TEXT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\|(\d{1,9})$/;
const BASE64_ANY = /^[A-Za-z0-9+/_-]+={0,2}$/;

export interface PageCursor {
  uuid: string;
  offset: number;
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.uuid}|${cursor.offset}`, "utf8").toString("base64url");
}

/** Null when the text is not a cursor this API made. */
export function decodeCursor(value: string): PageCursor | null {
  if (value.length > 200 || !BASE64_ANY.test(value)) return null;
  const text = Buffer.from(value.replaceAll("-", "+").replaceAll("_", "/"), "base64").toString(
    "utf8",
  );
  const match = CURSOR_TEXT.exec(text);
  if (!match) return null;
  return { uuid: match[1]!, offset: Number(match[2]) };
}
