import { describe, expect, it } from "vitest";
import {
  erasureToken,
  identifierPattern,
  mentions,
  nameParts,
  pseudonymiseJson,
  pseudonymiseText,
} from "./pseudonymise";

const token = erasureToken("0d8e6a3c-1111-4222-8333-444455556666");
const robin = identifierPattern(["robin.park@example.net", "Robin Park"]);

describe("pseudonymising a job seeker's identifiers", () => {
  it("replaces the name and the address in any case with one token naming the request", () => {
    expect(
      pseudonymiseText("Interview with ROBIN PARK (Robin.Park@Example.net)", robin, token),
    ).toBe(`Interview with ${token} (${token})`);
    expect(token).toBe("erased-0d8e6a3c-1111-4222-8333-444455556666");
  });

  it("walks audit details at any depth, keeps keys, numbers and other people", () => {
    const details = {
      intervieweeEmail: "robin.park@example.net",
      interviewers: ["ana@acme.example"],
      title: "Robin Park — welder",
      nested: { added: [{ name: "Robin Park", attempts: 2, sent: true, note: null }] },
    };
    expect(pseudonymiseJson(details, robin, token)).toEqual({
      intervieweeEmail: token,
      interviewers: ["ana@acme.example"],
      title: `${token} — welder`,
      nested: { added: [{ name: token, attempts: 2, sent: true, note: null }] },
    });
    expect(details.intervieweeEmail).toBe("robin.park@example.net");
    expect(mentions(pseudonymiseJson(details, robin, token), robin)).toBe(false);
    expect(mentions(details, robin)).toBe(true);
  });

  it("treats identifiers as text, not as patterns", () => {
    const pattern = identifierPattern(["a.b+c@example.net"]);
    expect(pseudonymiseText("aXb+c@example.net a.b+c@example.net", pattern, "T")).toBe(
      "aXb+c@example.net T",
    );
  });

  it("matches the parts of a name as whole words only", () => {
    const pattern = identifierPattern(["robin.park@example.net"], nameParts("Robin Park"));
    expect(nameParts("Robin  O'Neil-Park, Jr.")).toEqual(["Robin", "Neil", "Park"]);
    expect(
      pseudonymiseText("Robin's interview: Robotics at Parkside, Park Lane", pattern, "T"),
    ).toBe("T's interview: Robotics at Parkside, T Lane");
    expect(pseudonymiseText("Entretien avec Éloïse", identifierPattern([], ["Éloïse"]), "T")).toBe(
      "Entretien avec T",
    );
  });

  it("changes nothing without identifiers", () => {
    const pattern = identifierPattern(["", "  "]);
    expect(pattern).toBeNull();
    expect(pseudonymiseJson({ a: "Robin" }, pattern, token)).toEqual({ a: "Robin" });
  });
});
