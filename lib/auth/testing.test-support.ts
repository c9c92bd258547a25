import type { EmployerSession } from "./load-session";

/** An EmployerSession for tests (route handlers, hooks); override what the test is about. */
export function fakeEmployerSession(overrides: Partial<EmployerSession> = {}): EmployerSession {
  return {
    userId: "00000000-0000-4000-8000-000000000001",
    user: { name: "Dana Recruiter", email: "dana@acme-robotics.example" },
    connectionId: "00000000-0000-4000-8000-0000000000c1",
    employer: { id: "emp-acme-robotics", name: "Acme Robotics" },
    employers: [
      { id: "emp-acme-robotics", name: "Acme Robotics" },
      { id: "emp-globex-logistics", name: "Globex Logistics" },
    ],
    connectionStatus: "active",
    employerAccess: true,
    refreshTokenExpiresAt: new Date(Date.now() + 30 * 86_400_000),
    ...overrides,
  };
}
