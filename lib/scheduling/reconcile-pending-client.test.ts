import { afterEach, describe, expect, it, vi } from "vitest";
import { confirmCreate, confirmOutcome, unconfirmedMessage } from "./reconcile-pending-client";

const ATTEMPT = "6f1c1f0e-8a59-4d7e-9d0e-2a3b4c5d6e7f";
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function answering(...responses: (Response | Error)[]) {
  const fetchMock = vi.fn(async () => {
    const next = responses.shift();
    if (!next) throw new Error("no more answers");
    if (next instanceof Error) throw next;
    return next;
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("confirmCreate", () => {
  afterEach(() => vi.unstubAllGlobals());
  const waits: number[] = [];
  const wait = async (ms: number) => void waits.push(ms);

  it("asks again, waiting longer, while Indeed cannot be asked, and stops once confirmed", async () => {
    waits.length = 0;
    const fetchMock = answering(
      json({ state: "pending", message: "Indeed cannot be reached" }),
      new TypeError("offline"),
      json({ state: "confirmed", eventId: "ev-1" }),
    );
    const pending: string[] = [];
    const answer = await confirmCreate(ATTEMPT, { wait, onPending: (m) => pending.push(m) });
    expect(answer).toEqual({ state: "confirmed", eventId: "ev-1" });
    expect(waits).toEqual([2_000, 4_000]);
    expect(pending).toHaveLength(2);
    expect(fetchMock).toHaveBeenCalledWith(
      "/interviews/new/confirm",
      expect.objectContaining({ method: "POST", body: JSON.stringify({ attemptId: ATTEMPT }) }),
    );
  });

  it("gives up after five pending answers, still pending", async () => {
    waits.length = 0;
    answering(...Array.from({ length: 6 }, () => json({ state: "pending", message: "later" })));
    expect(await confirmCreate(ATTEMPT, { wait })).toEqual({ state: "pending", message: "later" });
    expect(waits).toHaveLength(4);
  });

  it("reads a refusal and an unreadable answer as failed, with a message", async () => {
    answering(
      json({ error: { code: "INVALID_REQUEST", message: "No such check", requestId: "r" } }, 400),
    );
    expect(await confirmCreate(ATTEMPT, { wait })).toEqual({
      state: "failed",
      message: "No such check",
    });
    answering(json({ state: "confirmed" }));
    expect(await confirmCreate(ATTEMPT, { wait })).toMatchObject({ state: "failed" });
  });

  it("checks an event's change by its id on the same route", async () => {
    const fetchMock = answering(
      json({ state: "not_found", message: "Indeed did not make the change." }),
    );
    expect(await confirmOutcome({ eventId: "ev-9" }, { wait })).toEqual({
      state: "not_found",
      message: "Indeed did not make the change.",
    });
    expect(fetchMock).toHaveBeenCalledWith(
      "/interviews/new/confirm",
      expect.objectContaining({ body: JSON.stringify({ eventId: "ev-9" }) }),
    );
  });
});

describe("unconfirmedMessage", () => {
  it("says when to look again while Indeed is away, the refusal when nothing was checked, else Indeed's answer", () => {
    expect(
      unconfirmedMessage({ state: "pending", message: "Indeed is away." }, "Refused", "made"),
    ).toBe("Indeed is away. Reload the page later to see whether it was made.");
    expect(
      unconfirmedMessage({ state: "failed", message: "No such check" }, "Refused", "made"),
    ).toBe("Refused");
    expect(
      unconfirmedMessage({ state: "not_found", message: "Not made." }, "Refused", "made"),
    ).toBe("Not made.");
  });
});
