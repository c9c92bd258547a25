/**
 * Indeed's opaque ids: base64 (with padding) of `iri://apis.indeed.com/<TypeName>/<id>`.
 * Event ids are also accepted as the bare uuid, as the guide's own examples pass them.
 */
const IRI_PREFIX = "iri://apis.indeed.com/";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export type ResourceType = "VirtualInterviewEvent" | "VirtualInterviewRecord" | "User";

export function encodeResourceId(type: ResourceType, id: string): string {
  return Buffer.from(`${IRI_PREFIX}${type}/${id}`, "utf8").toString("base64");
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The uuid inside an id of the given type (either form for events), or null. */
export function decodeResourceId(type: ResourceType, value: string): string | null {
  const trimmed = value.trim();
  if (type === "VirtualInterviewEvent" && isUuid(trimmed.toLowerCase()))
    return trimmed.toLowerCase();
  if (trimmed.length > 200 || !BASE64.test(trimmed)) return null;
  const decoded = Buffer.from(trimmed, "base64").toString("utf8");
  const prefix = `${IRI_PREFIX}${type}/`;
  if (!decoded.startsWith(prefix)) return null;
  const id = decoded.slice(prefix.length).toLowerCase();
  return isUuid(id) ? id : null;
}

export const encodeEventId = (uuid: string) => encodeResourceId("VirtualInterviewEvent", uuid);
export const decodeEventId = (value: string) => decodeResourceId("VirtualInterviewEvent", value);
