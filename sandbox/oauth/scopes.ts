/** The scopes the sandbox knows, what each lets an app do, and which a user may untick. */
export const SCOPES = {
  email: { optional: true, describe: "See your email address and whether it is verified" },
  employer_access: { optional: false, describe: "Act for the employer you choose on Indeed" },
  offline_access: {
    optional: true,
    describe: "Stay connected when you are away (up to 60 days after last use)",
  },
  "interviews.schedule": {
    optional: false,
    describe: "Schedule, change and cancel virtual interviews for you",
  },
  interviews: {
    optional: false,
    describe: "Schedule and manage virtual interviews for you (older name)",
  },
} as const;

export type Scope = keyof typeof SCOPES;

export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];

/** Scopes an app token (client credentials) can carry: none that speaks for a person. */
export const APP_SCOPES: readonly Scope[] = [
  "employer_access",
  "interviews.schedule",
  "interviews",
];

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPES, value);
}

/** Splits a space-separated scope string, dropping empty parts and duplicates. */
export function splitScopes(value: string): string[] {
  return [...new Set(value.split(" ").filter((part) => part !== ""))];
}
