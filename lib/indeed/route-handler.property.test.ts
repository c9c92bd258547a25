import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import type { Database } from "@/lib/db/client";
import { ERROR_CODES } from "@/lib/http/app-error";
import { operations } from "@/lib/operations";
import { createIndeedClient } from "./client";
import { handleGraphqlRequest } from "./route-handler";

/**
 * Issue 13: the whole GraphQL route (lib/http's checks, the registry, each operation's
 * variables and context schemas, the real client) given 10,000 generated requests: every
 * answer is a 200 or a 4xx with the one error shape and a message, never a 5xx or a throw.
 * Indeed here always answers with an empty success, so only the input decides.
 */

const APP = "http://localhost:3000";
const RUNS = { numRuns: 10_000 };

const client = createIndeedClient({
  // The ledger hooks need a database; these properties are about input.
  operations: operations.map((op) => ({
    ...op,
    onSuccess: undefined,
    beforeSend: undefined,
    onOutcomeUnknown: undefined,
  })),
  tokens: { getAccessToken: async () => "token" },
  db: {} as Database,
  graphqlUrl: "http://indeed.test/graphql",
  clientId: "lobby-local",
  atsName: "Lobby",
  fetch: async () =>
    new Response(JSON.stringify({ data: { anything: { events: [] } } }), {
      headers: { "content-type": "application/json" },
    }),
  log: () => undefined,
});
const deps = {
  appUrl: APP,
  getSession: async () => fakeEmployerSession(),
  client,
  operations,
  log: () => undefined,
};

const operationName = fc.oneof(
  fc.constantFrom(...operations.map((op) => op.name)),
  fc.string({ maxLength: 120 }),
);
const jsonBody = fc
  .record(
    {
      operationName,
      variables: fc.oneof(
        fc.dictionary(fc.string({ maxLength: 10 }), fc.anything()),
        fc.record({ input: fc.dictionary(fc.string({ maxLength: 12 }), fc.anything()) }),
        fc.anything(),
      ),
      context: fc.oneof(fc.dictionary(fc.string({ maxLength: 10 }), fc.anything()), fc.anything()),
      query: fc.string(),
    },
    { requiredKeys: ["operationName"] },
  )
  .map((body) => JSON.stringify(body));
const body = fc.oneof(jsonBody, fc.string({ maxLength: 200 }), fc.json());
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "",
);

describe("the GraphQL route, on generated requests", () => {
  it("answers 200 or a clear 4xx, never a 5xx", { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(body, contentType, async (text, type) => {
        const response = await handleGraphqlRequest(
          new Request(`${APP}/api/indeed/graphql`, {
            method: "POST",
            headers: { origin: APP, ...(type ? { "content-type": type } : {}) },
            body: text,
          }),
          deps,
        );
        expect(response.status).toBeLessThan(500);
        if (response.status === 200) return;
        expect(response.status).toBeGreaterThanOrEqual(400);
        const { error } = (await response.json()) as {
          error: { code: keyof typeof ERROR_CODES; message: string; requestId: string };
        };
        expect(Object.keys(ERROR_CODES)).toContain(error.code);
        expect(error.message.trim()).not.toBe("");
        expect(error.requestId).toBe(response.headers.get("x-request-id"));
      }),
      RUNS,
    );
  });
});
