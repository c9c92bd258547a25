import { describe, expect, it } from "vitest";
import { classifySmtpError, describeSmtpError } from "./smtp-outcome";

const error = (fields: { code?: string; responseCode?: number; message?: string }) =>
  Object.assign(new Error(fields.message ?? "boom"), fields);

describe("classifySmtpError", () => {
  it("retries a 451 at the end of DATA", () => {
    expect(
      classifySmtpError(error({ code: "EMESSAGE", responseCode: 451, message: "451 4.3.0" })),
    ).toBe("temporary");
  });

  it("fails a recipient refused with 550 for good", () => {
    expect(classifySmtpError(error({ code: "EENVELOPE", responseCode: 550 }))).toBe("permanent");
  });

  it("retries when the server is not listening or its name does not resolve", () => {
    expect(classifySmtpError(error({ code: "ESOCKET", message: "connect ECONNREFUSED" }))).toBe(
      "temporary",
    );
    expect(classifySmtpError(error({ code: "EDNS", message: "getaddrinfo ENOTFOUND" }))).toBe(
      "temporary",
    );
    expect(classifySmtpError(error({ code: "ETIMEDOUT", message: "Connection timeout" }))).toBe(
      "temporary",
    );
  });

  it("holds a connection closed with no reply: the server may have stored the message", () => {
    expect(
      classifySmtpError(error({ code: "ECONNECTION", message: "Connection closed unexpectedly" })),
    ).toBe("uncertain");
    expect(classifySmtpError(error({ code: "ETIMEDOUT", message: "Timeout" }))).toBe("uncertain");
    expect(classifySmtpError(error({ code: "ESOCKET", message: "read ECONNRESET" }))).toBe(
      "uncertain",
    );
    expect(classifySmtpError(new Error("something else"))).toBe("uncertain");
  });
});

describe("describeSmtpError", () => {
  it("keeps the code and the server's reply on one line", () => {
    expect(describeSmtpError(error({ code: "EMESSAGE", message: "451 4.3.0\r\nTry later" }))).toBe(
      "EMESSAGE: 451 4.3.0 Try later",
    );
  });
});
