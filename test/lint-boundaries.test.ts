import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The import boundaries of docs/ARCHITECTURE.md are lint rules (eslint.config.mjs). Each case
// plants one import in a file at a given place and expects the rule that guards it to refuse
// it; the allowed cases prove the rules are not simply refusing everything.
const eslint = new ESLint({ cwd: process.cwd() });

async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "lobby/client-boundary")
    .map((m) => m.ruleId!);
}

const importOf = (source: string) => `import { x } from "${source}";\nexport const y = x;\n`;
const clientImportOf = (source: string) => `"use client";\n${importOf(source)}`;

describe("the import boundaries", () => {
  // Loading the whole lint configuration takes seconds on the first file; not a test's share.
  beforeAll(async () => {
    await eslint.lintText("export {};\n", { filePath: "lib/warm-up.ts" });
  }, 60_000);

  it.each([
    ["sandbox code importing the app", "sandbox/oauth/planted.ts", importOf("@/lib/config")],
    [
      "sandbox code importing the app by a relative path",
      "sandbox/oauth/planted.ts",
      importOf("../../lib/config"),
    ],
    [
      "a sandbox test importing the app",
      "sandbox/oauth/planted.test.ts",
      importOf("@/lib/auth/tokens"),
    ],
    ["app code importing the sandbox", "lib/indeed/planted.ts", importOf("@/sandbox/server")],
    [
      "a page importing the sandbox by a relative path",
      "app/planted/page.tsx",
      importOf("../../sandbox/server"),
    ],
    [
      "production code importing test support",
      "lib/auth/planted.ts",
      importOf("./sandbox-fixtures.test-support"),
    ],
    [
      "production code importing the test folder",
      "components/planted.tsx",
      importOf("@/test/guide-operations"),
    ],
  ])("refuses %s", async (_what, filePath, code) => {
    expect(await problemsOf(filePath, code)).toEqual(["no-restricted-imports"]);
  });

  it.each([
    ["the session", "@/lib/auth/session"],
    ["the database", "@/lib/db/client"],
    ["the job queue", "@/lib/jobs/queue"],
    ["a server-only module", "server-only"],
    ["a Node built-in", "node:crypto"],
  ])("refuses a client component importing %s", async (_what, source) => {
    expect(await problemsOf("components/interviews/planted.tsx", clientImportOf(source))).toEqual([
      "lobby/client-boundary",
    ]);
  });

  it.each([
    ["a test reaching the sandbox", "lib/auth/planted.int.test.ts", importOf("@/sandbox/server")],
    [
      "test support reaching the sandbox",
      "lib/auth/planted.test-support.ts",
      importOf("@/sandbox/server"),
    ],
    ["a bench reaching the sandbox", "bench/planted.ts", importOf("../sandbox/server")],
    [
      "the e2e suite reaching test support",
      "e2e/planted.spec.ts",
      importOf("../test/guide-operations"),
    ],
    [
      "a server component reading the session",
      "app/planted/page.tsx",
      importOf("@/lib/auth/session"),
    ],
    [
      "a client component importing only a type from the session",
      "components/planted.tsx",
      `"use client";\nimport type { EmployerSession } from "@/lib/auth/session";\nexport type Y = EmployerSession;\n`,
    ],
    [
      "a client component importing client-safe rules",
      "components/planted.tsx",
      clientImportOf("@/lib/scheduling/time"),
    ],
    [
      "a sandbox module importing the sandbox",
      "sandbox/oauth/planted.ts",
      importOf("../core/http"),
    ],
  ])("allows %s", async (_what, filePath, code) => {
    expect(await problemsOf(filePath, code)).toEqual([]);
  });
});
