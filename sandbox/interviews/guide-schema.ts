import {
  buildASTSchema,
  Kind,
  parse,
  visit,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from "graphql";

/**
 * What `SANDBOX_SCHEMA=guide` takes out of the reconstructed SDL: every input field and enum
 * value that Indeed's Interview API guide does not show. The guide prints every operation with
 * its inputs in full; these parts come from elsewhere (an older guide, our own reading of
 * "sorted by start or end time, status, and media type") and a client that relies on them may
 * break against the real API. Output fields are all in the guide's examples, so none is removed.
 */
export const GUIDE_OMISSIONS: readonly { type: string; field?: string; why: string }[] = [
  {
    type: "RequestMetadataInput",
    field: "jobId",
    why: "the guide's requestMetadata shows atsName and employerName only; job ids come from an older guide",
  },
  {
    type: "RequestMetadataInput",
    field: "jobTitle",
    why: "the guide's requestMetadata shows atsName and employerName only; the job title comes from an older guide",
  },
  {
    type: "FindVirtualInterviewEventsInput",
    field: "sort",
    why: "the guide mentions sort options but never shows their shape; { field, direction } is reconstructed",
  },
  {
    type: "VirtualInterviewEventsSortInput",
    why: "the reconstructed sort shape",
  },
  {
    type: "VirtualInterviewEventsSortField",
    why: "START_TIME, END_TIME, STATUS and MEDIA_TYPE are reconstructed from the guide's wording",
  },
  { type: "SortDirection", why: "ASC and DESC are reconstructed" },
  {
    type: "VirtualInterviewMediaType",
    why: "no field uses it; the guide names media type only as something to sort by",
  },
];

const removedTypes = new Set(GUIDE_OMISSIONS.filter((o) => !o.field).map((o) => o.type));
const removedFields = new Set(
  GUIDE_OMISSIONS.filter((o) => o.field).map((o) => `${o.type}.${o.field}`),
);

/** The SDL with the omissions removed: the schema as far as Indeed's guide documents it. */
export function guideDocument(sdl: string): DocumentNode {
  let current = "";
  return visit(parse(sdl), {
    enter(node) {
      if (
        node.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
        node.kind === Kind.ENUM_TYPE_DEFINITION ||
        node.kind === Kind.OBJECT_TYPE_DEFINITION
      ) {
        if (removedTypes.has(node.name.value)) return null;
        current = node.name.value;
      }
      if (
        node.kind === Kind.INPUT_VALUE_DEFINITION &&
        removedFields.has(`${current}.${node.name.value}`)
      ) {
        return null;
      }
      return undefined;
    },
  });
}

export function buildGuideSchema(sdl: string): GraphQLSchema {
  return buildASTSchema(guideDocument(sdl));
}

const NOT_DEFINED = /Field "(\w+)" is not defined by type "(\w+)"/g;

/** True when a validation or coercion message names something the guide mode took out. */
export function namesAnOmission(message: string): boolean {
  for (const [, field, type] of message.matchAll(NOT_DEFINED)) {
    if (removedFields.has(`${type}.${field}`)) return true;
  }
  return [...removedTypes].some((type) => message.includes(`"${type}"`));
}

export const GUIDE_MODE_HINT =
  "Indeed's Interview API guide does not show this input; the sandbox runs with SANDBOX_SCHEMA=guide.";

/** A guide-mode refusal's message: the validator's words, then why. */
export function guideRefusalMessage(error: GraphQLError | { message: string }): string {
  return `${error.message} ${GUIDE_MODE_HINT}`;
}
