import { buildSchema, GraphQLEnumType, GraphQLInputObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { SCHEMA_SDL } from "./executable-schema";
import { buildGuideSchema, GUIDE_OMISSIONS, namesAnOmission } from "./guide-schema";

// The guide-strict schema keeps exactly the inputs Indeed's guide prints, nothing else.

/** Every input field the guide's operations show, by input type. */
const GUIDE_INPUTS: Record<string, string[]> = {
  CreateVirtualInterviewEventInput: [
    "startTime",
    "endTime",
    "title",
    "timezone",
    "interviewers",
    "interviewee",
    "requestMetadata",
    "languageCode",
    "countryCode",
  ],
  VirtualInterviewInterviewerInput: ["email"],
  VirtualInterviewIntervieweeInput: ["name", "email"],
  RequestMetadataInput: ["atsName", "employerName"],
  UpdateVirtualInterviewEventInput: [
    "reschedule",
    "addInterviewers",
    "addInterviewee",
    "setTitle",
    "setTimezone",
  ],
  RescheduleVirtualInterviewEventInput: ["id", "startTime", "endTime"],
  UpdateVirtualInterviewEventInterviewersInput: ["id", "interviewers"],
  AddVirtualInterviewEventIntervieweeInput: ["id", "interviewee"],
  UpdateVirtualInterviewEventTitleInput: ["id", "title"],
  UpdateVirtualInterviewEventTimezoneInput: ["id", "timezone"],
  CancelVirtualInterviewEventInput: ["id"],
  VirtualInterviewEventsInput: ["ids"],
  FindVirtualInterviewEventsInput: ["startTime", "endTime"],
  VirtualInterviewEventTimeRangeInput: ["after", "before"],
};

const guide = buildGuideSchema(SCHEMA_SDL);
const extended = buildSchema(SCHEMA_SDL);

describe("the guide-strict schema", () => {
  it("has exactly the input fields the guide shows", () => {
    const inputs = Object.fromEntries(
      Object.values(guide.getTypeMap())
        .filter((t) => t instanceof GraphQLInputObjectType)
        .map((t) => [t.name, Object.keys((t as GraphQLInputObjectType).getFields())]),
    );
    expect(inputs).toEqual(GUIDE_INPUTS);
  });

  it("has no input enum: the guide lists no values for sort fields or directions", () => {
    const enums = Object.values(guide.getTypeMap())
      .filter((t) => t instanceof GraphQLEnumType && !t.name.startsWith("__"))
      .map((t) => t.name)
      .sort();
    // Output enums stay: the guide queries `status` and `decision { value }`.
    expect(enums).toEqual(["VirtualInterviewDecisionValue", "VirtualInterviewEventStatus"]);
  });

  it("keeps every output type and field of the reconstructed schema", () => {
    for (const name of ["Query", "Mutation", "VirtualInterviewEvent", "VirtualInterviewRecord"]) {
      const fields = (schema: typeof guide) =>
        Object.keys((schema.getType(name) as { getFields(): object }).getFields());
      expect(fields(guide)).toEqual(fields(extended));
    }
  });

  it("removes only what it lists, each with a reason", () => {
    for (const omission of GUIDE_OMISSIONS) {
      expect(omission.why.length).toBeGreaterThan(10);
      expect(extended.getType(omission.type)).toBeDefined();
    }
  });

  it("recognises a refusal that names an omission", () => {
    expect(namesAnOmission('Field "jobId" is not defined by type "RequestMetadataInput".')).toBe(
      true,
    );
    expect(namesAnOmission('Unknown type "VirtualInterviewEventsSortInput".')).toBe(true);
    expect(namesAnOmission('Field "colour" is not defined by type "RequestMetadataInput".')).toBe(
      false,
    );
  });
});
