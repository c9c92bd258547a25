import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  journal,
  startIndeedTestbed,
  withoutLedgerHooks,
  type IndeedTestbed,
  type SignedIn,
} from "@/lib/auth/sandbox-fixtures.test-support";
import type { EmployerSession } from "@/lib/auth/load-session";
import { operations } from "@/lib/operations";
import type { RunningSandbox } from "@/sandbox/server";
import { handleGraphqlRequest } from "./route-handler";

const APP = "http://localhost:3000";
// The ledger hooks belong to lib/scheduling's tests.
const withoutHooks = withoutLedgerHooks(operations);

describe(`the GraphQL route against the sandbox (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let bed: IndeedTestbed;
  let sandbox: RunningSandbox;
  let client: IndeedTestbed["client"];
  let dana: SignedIn;
  let sam: SignedIn;

  beforeAll(async () => {
    bed = await startIndeedTestbed({ hooks: false });
    ({ sandbox, client } = bed);
    dana = await bed.signIn("u-dana", "emp-acme-robotics");
    sam = await bed.signIn("u-sam", "emp-initech-foods");
  });
  afterAll(async () => {
    await bed?.close();
  });

  function post(
    session: EmployerSession | null,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    return handleGraphqlRequest(
      new Request(`${APP}/api/indeed/graphql`, {
        method: "POST",
        headers: { origin: APP, "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
      {
        appUrl: APP,
        getSession: async () => session,
        client,
        operations: withoutHooks,
        log: () => undefined,
      },
    );
  }

  const createBody = {
    operationName: "CreateInterview",
    variables: {
      input: {
        startTime: "2031-03-10T15:00:00+00:00",
        endTime: "2031-03-10T16:00:00+00:00",
        title: "Robotics engineer — first interview",
        timezone: "America/New_York",
        interviewers: [{ email: "ivy@acme-robotics.example" }],
        interviewee: { name: "Robin Park", email: "robin.park@example.net" },
      },
    },
  };

  it("creates an interview with requestMetadata added by the server", async () => {
    const response = await post(dana.session, createBody);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as {
      data: { createVirtualInterviewEvent: { event: { id: string; title: string } } };
    };
    expect(data.createVirtualInterviewEvent.event.title).toBe(
      "Robotics engineer — first interview",
    );
    const [entry] = await journal(sandbox.url, "kind=graphql&operation=CreateInterview&limit=1");
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toMatch(/eyJ/);
  });

  it("a user of one employer cannot read another employer's events", async () => {
    const created = (await (await post(dana.session, createBody)).json()) as {
      data: { createVirtualInterviewEvent: { event: { id: string } } };
    };
    const id = created.data.createVirtualInterviewEvent.event.id;

    const own = (await (
      await post(dana.session, { operationName: "GetInterviews", variables: { ids: [id] } })
    ).json()) as {
      data: { virtualInterviewEvents: { events: ({ id: string } | null)[] } };
    };
    expect(own.data.virtualInterviewEvents.events[0]?.id).toBe(id);

    const other = await post(sam.session, {
      operationName: "GetInterviews",
      variables: { ids: [id] },
    });
    const body = (await other.json()) as {
      data?: { virtualInterviewEvents: { events: unknown[] } };
      error?: { code: string };
    };
    if (body.data) expect(body.data.virtualInterviewEvents.events).toEqual([null]);
    else expect(body.error?.code).toBe("FORBIDDEN");

    const found = (await (
      await post(sam.session, { operationName: "FindInterviews", variables: { input: {} } })
    ).json()) as {
      data: { findVirtualInterviewEvents: { events: { id: string }[] } };
    };
    expect(found.data.findVirtualInterviewEvents.events.map((e) => e.id)).not.toContain(id);

    const cancel = await post(sam.session, {
      operationName: "CancelInterview",
      variables: { input: { id } },
    });
    expect(cancel.status).toBe(403);
    expect(((await cancel.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  });

  it("maps Indeed's input errors to 422 with field errors", async () => {
    const response = await post(dana.session, {
      operationName: "FindInterviews",
      variables: { after: "1˙∆", input: {} },
    });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as {
      error: { code: string; fieldErrors: Record<string, string> };
    };
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(Object.keys(error.fieldErrors)).toEqual(["after"]);
  });

  it("refuses unknown operations, GET, non-JSON bodies, cross-origin posts, and answers 401 without a session", async () => {
    expect((await post(dana.session, { operationName: "IntrospectionQuery" })).status).toBe(400);
    expect((await post(dana.session, { query: "{ __schema { types { name } } }" })).status).toBe(
      400,
    );
    expect(
      (
        await post(dana.session, "operationName=GetInterviews", {
          "content-type": "application/x-www-form-urlencoded",
        })
      ).status,
    ).toBe(415);
    expect(
      (await post(dana.session, JSON.stringify(createBody), { "content-type": "text/plain" }))
        .status,
    ).toBe(415);
    expect((await post(dana.session, createBody, { origin: "https://evil.example" })).status).toBe(
      403,
    );
    expect((await post(null, createBody)).status).toBe(401);
    const get = await handleGraphqlRequest(
      new Request(`${APP}/api/indeed/graphql?operationName=GetInterviews`, {
        headers: { origin: APP },
      }),
      {
        appUrl: APP,
        getSession: async () => dana.session,
        operations: withoutHooks,
        client,
      },
    );
    expect(get.status).toBe(405);
  });
});
