import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import { interviewOperations } from "@/lib/scheduling/operations";
import { disclosureFor, indeedDisclosure } from "./disclosure";

/**
 * Walks what each mutation really prepares for Indeed and holds it against the disclosure
 * `/privacy` renders: sending an unlisted field, or listing one nothing sends, fails here.
 */

/** The leaf paths of a value: `input.interviewers[].email`. */
function leafPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => leafPaths(item, `${prefix}[]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) =>
      leafPaths(inner, prefix ? `${prefix}.${key}` : key),
    );
  }
  return value === undefined ? [] : [prefix];
}

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** Every leaf path a variables schema lets a caller fill, optional ones included. */
function schemaPaths(schema: z.ZodType, prefix = ""): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return Object.entries(def.shape ?? {}).flatMap(([key, inner]) =>
        schemaPaths(inner, prefix ? `${prefix}.${key}` : key),
      );
    case "array":
      return schemaPaths(def.element!, `${prefix}[]`);
    case "optional":
    case "default":
    case "nullable":
      return schemaPaths(def.innerType!, prefix);
    default:
      return [prefix];
  }
}

const event = "ZXZlbnQtMQ==";
const robin = { name: "Robin Park", email: "robin.park@example.net" };
/** Each mutation's input with every optional field filled. */
const fullInputs = {
  CreateInterview: {
    input: {
      startTime: "2030-01-15T14:30:00+00:00",
      endTime: "2030-01-15T15:30:00+00:00",
      title: "Interview with Robin",
      timezone: "America/New_York",
      interviewers: [{ email: "ana@acme-robotics.example" }],
      interviewee: robin,
      languageCode: "en",
      countryCode: "US",
      requestMetadata: { jobId: "J-1", jobTitle: "Welder" },
    },
  },
  AddInterviewee: { input: { id: event, interviewee: robin } },
  RescheduleInterview: {
    input: { id: event, startTime: "2030-01-16T14:30:00+00:00", endTime: "2030-01-16T15:00:00Z" },
  },
  AddInterviewers: { input: { id: event, interviewers: [{ email: "ivy@acme.example" }] } },
  SetInterviewTitle: { input: { id: event, title: "Second interview" } },
  SetInterviewTimezone: { input: { id: event, timezone: "Europe/Paris" } },
  CancelInterview: { input: { id: event } },
} satisfies Record<keyof typeof indeedDisclosure, unknown>;

const mutations = interviewOperations.filter((op) => op.kind === "mutation");
const env = { session: fakeEmployerSession(), atsName: "Lobby" };
const sorted = (paths: Iterable<string>) => [...new Set(paths)].sort();

describe("the disclosure on /privacy", () => {
  it("covers every mutation Lobby sends to Indeed, and no other", () => {
    expect(sorted(Object.keys(indeedDisclosure))).toEqual(sorted(mutations.map((op) => op.name)));
  });

  it("is tested with inputs that fill every field a caller may send", () => {
    for (const op of mutations) {
      const input = fullInputs[op.name as keyof typeof fullInputs];
      expect(sorted(leafPaths(op.variables.parse(input))), op.name).toEqual(
        sorted(schemaPaths(op.variables)),
      );
    }
  });

  for (const schemaExtensions of [true, false]) {
    it(`lists exactly the paths each mutation prepares (schema extensions ${schemaExtensions ? "on" : "off"})`, () => {
      const disclosed = disclosureFor(schemaExtensions);
      for (const op of mutations) {
        const variables = op.variables.parse(fullInputs[op.name as keyof typeof fullInputs]);
        const sent = sorted(
          leafPaths(op.prepare(variables as never, { ...env, schemaExtensions })),
        );
        const listed = sorted(
          disclosed.find((entry) => entry.operation === op.name)!.items.map((item) => item.path),
        );
        expect(sent, `${op.name}: sent, as /privacy lists it`).toEqual(listed);
      }
    });
  }

  it("lists the job's id and title for a create only with the schema extensions", () => {
    const paths = (on: boolean) =>
      disclosureFor(on)
        .find((entry) => entry.operation === "CreateInterview")!
        .items.map((item) => item.path);
    expect(paths(true)).toEqual(
      expect.arrayContaining(["input.requestMetadata.jobId", "input.requestMetadata.jobTitle"]),
    );
    expect(paths(false)).not.toContain("input.requestMetadata.jobId");
    expect(paths(false)).toContain("input.interviewee.email");
  });

  it("finds a field the disclosure does not list (the walk can fail)", () => {
    const create = mutations.find((op) => op.name === "CreateInterview")!;
    const variables = create.variables.parse(fullInputs.CreateInterview);
    const prepared = create.prepare(variables, { ...env, schemaExtensions: true });
    const withExtra = { input: { ...prepared.input, phone: "+1 555 0100" } };
    const listed = new Set(indeedDisclosure.CreateInterview.items.map((item) => item.path));
    expect(leafPaths(withExtra).filter((path) => !listed.has(path))).toEqual(["input.phone"]);
  });
});
