import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildSchema,
  GraphQLError,
  GraphQLObjectType,
  type GraphQLScalarType,
  Kind,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import { ApiError, badInput } from "./api-error";
import type { DecisionValue, StoredEvent, StoredSession } from "./event-model";
import { findEvents, type SortDirection, type SortField, type TimeRange } from "./find-events";
import { formatDateTime, LIMITS, parseDateTime } from "./input-rules";
import type { CreateEventInput, UpdateEventInput } from "./event-rules";
import type { Actor } from "./event-transitions";
import type { InterviewService } from "./interview-service";
import { decodeCursor, encodeCursor } from "./page-cursor";
import { encodeEventId, encodeResourceId } from "./resource-id";

/** The contract, read from the app's copy so the two can never drift apart. */
export const SCHEMA_SDL = readFileSync(
  fileURLToPath(new URL("../../lib/indeed/schema.graphql", import.meta.url)),
  "utf8",
);

export interface ResolverContext {
  service: InterviewService;
  actor: Actor;
  /** Set by mutations so the handler knows state changed. */
  changed: boolean;
}

/** Resolvers see DateTime values as epoch milliseconds. */
const dateTimeBehaviour: Pick<GraphQLScalarType, "serialize" | "parseValue" | "parseLiteral"> = {
  serialize(value) {
    if (typeof value !== "number")
      throw new GraphQLError("DateTime cannot represent a non-time value");
    return formatDateTime(value);
  },
  parseValue: (value) => parseDateTime(value, "DateTime"),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError("DateTime must be a string such as 2030-01-15T14:30:00+00:00.");
    return parseDateTime(ast.value, "DateTime");
  },
};

interface RangeInput {
  after?: number | null;
  before?: number | null;
}
interface FindInput {
  startTime?: RangeInput | null;
  endTime?: RangeInput | null;
  sort?: { field: SortField; direction?: SortDirection | null } | null;
}

function timeRange(input: RangeInput | null | undefined, field: string): TimeRange | undefined {
  if (!input) return undefined;
  const range: TimeRange = { after: input.after ?? undefined, before: input.before ?? undefined };
  if (range.after !== undefined && range.before !== undefined && range.after > range.before) {
    throw badInput(`${field}.after must not be later than ${field}.before.`);
  }
  return range;
}

function pageInfo(cursors: (string | null)[], hasPreviousPage: boolean, hasNextPage: boolean) {
  return {
    startCursor: cursors[0] ?? null,
    endCursor: cursors.at(-1) ?? null,
    hasPreviousPage,
    hasNextPage,
  };
}

function interviewerView(service: InterviewService, email: string) {
  const person = service.person(email);
  return {
    id: person.userId ? encodeResourceId("User", person.userId) : null,
    name: person.name,
    email,
  };
}

function recordView(service: InterviewService, session: StoredSession) {
  return {
    id: encodeResourceId("VirtualInterviewRecord", session.uuid),
    recordingUrl: service.recordingUrl(session),
    interviewOutcomesConnection: {
      outcomes: session.decisions.map((d) => ({
        interviewer: interviewerView(service, d.interviewerEmail),
        decision: { value: d.value satisfies DecisionValue, noteText: d.noteText },
      })),
    },
  };
}

const resolvers = {
  Query: {
    virtualInterviewEvents(
      _: unknown,
      args: { input: { ids: string[] } },
      { service, actor }: ResolverContext,
    ) {
      const { ids } = args.input;
      if (ids.length > LIMITS.ids)
        throw badInput(`Ask for at most ${LIMITS.ids} ids at a time (got ${ids.length}).`);
      // An Error in the list becomes `null` at its index plus an error with that index in its path.
      const events = ids.map((id) => {
        try {
          return service.eventFor(actor, id);
        } catch (error) {
          return error instanceof ApiError
            ? error
            : new ApiError("INTERNAL_SERVER_ERROR", "Internal server error");
        }
      });
      return { events };
    },

    findVirtualInterviewEvents(
      _: unknown,
      args: { first?: number | null; after?: string | null; input: FindInput },
      { service, actor }: ResolverContext,
    ) {
      const after = args.after ?? null;
      const cursor = after === null ? null : decodeCursor(after);
      if (after !== null && !cursor) {
        throw badInput(
          `Encountered issue parsing cursor '${after.length > 200 ? `${after.slice(0, 200)}...` : after}'.`,
        );
      }
      // The schema's own description: "`first` is the page size (1 to 100 in the sandbox)".
      const first = args.first ?? 10;
      if (first < 1 || first > LIMITS.pageSize)
        throw badInput(`first must be between 1 and ${LIMITS.pageSize}.`);
      const afterEvent = cursor ? service.store.get(cursor.uuid) : undefined;
      const found = findEvents(service.findableEvents(actor), {
        start: timeRange(args.input.startTime, "startTime"),
        end: timeRange(args.input.endTime, "endTime"),
        sortField: args.input.sort?.field ?? "START_TIME",
        direction: args.input.sort?.direction ?? "ASC",
        first,
        after: cursor,
        afterEvent: afterEvent?.employerId === actor.employerId ? afterEvent : undefined,
      });
      const cursors = found.events.map((event, i) =>
        encodeCursor({ uuid: event.uuid, offset: found.offset + i }),
      );
      return {
        events: found.events,
        pageInfo: pageInfo(
          cursors,
          found.offset > 0,
          found.offset + found.events.length < found.totalCount,
        ),
        totalCount: found.totalCount,
      };
    },
  },

  Mutation: {
    createVirtualInterviewEvent(
      _: unknown,
      args: { input: CreateEventInput },
      context: ResolverContext,
    ) {
      const event = context.service.createEvent(context.actor, args.input);
      context.changed = true;
      return { event };
    },
    updateVirtualInterviewEvent(
      _: unknown,
      args: { input: UpdateEventInput },
      context: ResolverContext,
    ) {
      const event = context.service.updateEvent(context.actor, args.input);
      context.changed = true;
      return { event };
    },
    cancelVirtualInterviewEvent(
      _: unknown,
      args: { input: { id: string } },
      context: ResolverContext,
    ) {
      const event = context.service.cancelEvent(context.actor, args.input.id);
      context.changed = true;
      return { event };
    },
  },

  VirtualInterviewEvent: {
    id: (event: StoredEvent) => encodeEventId(event.uuid),
    startTime: (event: StoredEvent) => event.startMs,
    endTime: (event: StoredEvent) => event.endMs,
    interviewerLobbyUrl: (event: StoredEvent, _: unknown, { service }: ResolverContext) =>
      service.lobbyUrl(event, "interviewer"),
    interviewersConnection(event: StoredEvent, _: unknown, { service }: ResolverContext) {
      const count = event.interviewers.length;
      return {
        pageInfo: pageInfo(
          [
            encodeCursor({ uuid: event.uuid, offset: 0 }),
            encodeCursor({ uuid: event.uuid, offset: count - 1 }),
          ],
          false,
          false,
        ),
        interviewers: event.interviewers.map((i) => interviewerView(service, i.email)),
      };
    },
    intervieweesConnection(event: StoredEvent, _: unknown, { service }: ResolverContext) {
      const interviewee = event.interviewee;
      if (!interviewee) return { interviewees: [] };
      return {
        interviewees: [
          {
            intervieweeLobbyUrl: service.lobbyUrl(event, "interviewee"),
            name: interviewee.name,
            email: interviewee.email,
            interviewRecordsConnection: {
              records: event.sessions.map((s) => recordView(service, s)),
            },
          },
        ],
      };
    },
  },
};

/**
 * The SDL with the sandbox's resolvers attached (fields without one read the property of the
 * same name). `schema` is the reconstructed SDL by default, or one derived from it (guide-schema.ts).
 */
export function createExecutableSchema(
  schema: GraphQLSchema = buildSchema(SCHEMA_SDL),
): GraphQLSchema {
  Object.assign(schema.getType("DateTime") as GraphQLScalarType, dateTimeBehaviour);
  for (const [typeName, fieldResolvers] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType))
      throw new Error(`No object type ${typeName} in the schema`);
    const fields = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fieldResolvers)) {
      const field = fields[fieldName];
      if (!field) throw new Error(`No field ${typeName}.${fieldName} in the schema`);
      field.resolve = resolve as GraphQLFieldResolver<unknown, ResolverContext>;
    }
  }
  return schema;
}
