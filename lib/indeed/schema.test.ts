import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSchema, parse, validate, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import {
  addIntervieweeOperation,
  addInterviewersOperation,
  cancelEventOperation,
  createEventOperation,
  findEventsOperation,
  getEventsOperation,
  GUIDE_BASE64_IDS,
  GUIDE_UUIDS,
  invalidCursorOperation,
  rescheduleEventOperation,
  setTimezoneOperation,
  setTitleOperation,
} from "@/test/guide-operations";

const schema: GraphQLSchema = buildSchema(
  readFileSync(fileURLToPath(new URL("./schema.graphql", import.meta.url)), "utf8"),
);

function errorsOf(source: string): string[] {
  return validate(schema, parse(source)).map((e) => e.message);
}

describe("the Interview API schema", () => {
  const guideOperations: Record<string, string> = {
    CreateEvent: createEventOperation({
      startTime: "2022-08-18T22:30:00+00:00",
      endTime: "2022-08-18T23:30:00+00:00",
      interviewerEmails: ["ana@example.com", "ben@example.com"],
      intervieweeEmail: "robin.park@example.net",
    }),
    "RescheduleEvent (base64 id)": rescheduleEventOperation(GUIDE_BASE64_IDS[1]),
    "AddInterviewersToEvent (bare uuid)": addInterviewersOperation(GUIDE_UUIDS[0]),
    AddIntervieweeToEvent: addIntervieweeOperation(),
    SetTitleOfEvent: setTitleOperation(),
    SetTimezoneOfEvent: setTimezoneOperation(),
    CancelEvent: cancelEventOperation(),
    "GetEvent (base64 ids)": getEventsOperation(GUIDE_BASE64_IDS),
    "GetEvent (bare uuids)": getEventsOperation(GUIDE_UUIDS),
    "FindEvents (sample cursor)": findEventsOperation(),
    "the invalid-cursor request": invalidCursorOperation,
  };

  for (const [name, source] of Object.entries(guideOperations)) {
    it(`accepts the guide's ${name}`, () => {
      expect(errorsOf(source)).toEqual([]);
    });
  }

  it("keeps the guide's root signatures", () => {
    const query = schema.getQueryType()!.getFields();
    expect(String(query.virtualInterviewEvents!.type)).toBe("VirtualInterviewEventsPayload");
    expect(query.virtualInterviewEvents!.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual([
      "input: VirtualInterviewEventsInput!",
    ]);
    const find = query.findVirtualInterviewEvents!;
    expect(String(find.type)).toBe("VirtualInterviewEventsConnection");
    expect(find.args.map((a) => `${a.name}: ${String(a.type)}=${String(a.defaultValue)}`)).toEqual([
      "first: Int=10",
      "after: String=undefined",
      "input: FindVirtualInterviewEventsInput!=undefined",
    ]);
    const mutation = schema.getMutationType()!.getFields();
    expect(
      Object.values(mutation).map(
        (f) => `${f.name}(${f.args.map((a) => String(a.type)).join()}): ${String(f.type)}`,
      ),
    ).toEqual([
      "createVirtualInterviewEvent(CreateVirtualInterviewEventInput!): CreateVirtualInterviewEventPayload",
      "updateVirtualInterviewEvent(UpdateVirtualInterviewEventInput!): UpdateVirtualInterviewEventPayload",
      "cancelVirtualInterviewEvent(CancelVirtualInterviewEventInput!): CancelVirtualInterviewEventPayload",
    ]);
  });

  it("requires what the guide calls required when creating", () => {
    const errors = errorsOf(
      `mutation { createVirtualInterviewEvent(input: { title: "x" }) { event { id } } }`,
    );
    for (const field of ["startTime", "endTime", "timezone", "interviewers", "requestMetadata"]) {
      expect(errors.some((m) => m.includes(`CreateVirtualInterviewEventInput.${field}"`))).toBe(
        true,
      );
    }
  });

  it("rejects fields the guide does not have", () => {
    expect(
      errorsOf(`{ findVirtualInterviewEvents(input: {}) { events { cancelReason } } }`),
    ).toHaveLength(1);
  });
});
