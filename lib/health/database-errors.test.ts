import { describe, expect, it } from "vitest";
import { isDatabaseConnectionLost } from "./database-errors";

describe("isDatabaseConnectionLost", () => {
  const wrapped = (cause: unknown) => new Error("Failed query: select 1", { cause });

  it("knows a terminated backend, a refused or reset socket and a closed connection, wrapped or not", () => {
    for (const error of [
      Object.assign(new Error("terminating connection due to administrator command"), {
        code: "57P01",
      }),
      Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
      Object.assign(new Error("connection failure"), { code: "08006" }),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
    ]) {
      expect(isDatabaseConnectionLost(error)).toBe(true);
      expect(isDatabaseConnectionLost(wrapped(error))).toBe(true);
    }
  });

  it("leaves query errors and anything else alone", () => {
    for (const error of [
      Object.assign(new Error("duplicate key"), { code: "23505" }),
      Object.assign(new Error("syntax error"), { code: "42601" }),
      new Error("Connection to Indeed failed"),
      "Connection terminated",
      null,
    ]) {
      expect(isDatabaseConnectionLost(error)).toBe(false);
    }
  });
});
