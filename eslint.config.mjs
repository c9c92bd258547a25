import next from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import lobby from "./eslint-rules/client-boundary.mjs";

// Test code: tests, their support files, the e2e suite and the benches. Only it may reach into
// the sandbox or the test support.
const TEST_CODE = [
  "**/*.test.ts",
  "**/*.test.tsx",
  "**/*.test-support.ts",
  "test/**",
  "e2e/**",
  "bench/**",
];

const NOT_THE_APP = {
  group: [
    "@/lib/*",
    "@/app/*",
    "@/components/*",
    "**/../lib/*",
    "**/../app/*",
    "**/../components/*",
  ],
  message: "The sandbox stands alone: it plays Indeed and never imports the app's code.",
};
const NOT_THE_SANDBOX = {
  group: ["@/sandbox/*", "**/sandbox/*"],
  message: "The app talks to the sandbox over HTTP only, as it would to Indeed.",
};
const NOT_TEST_SUPPORT = {
  group: ["@/test/*", "**/test/*", "*.test-support", "**/*.test-support"],
  message: "Test support is for tests: production code cannot import it.",
};

const config = [
  ...next,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "lib/indeed/graphql-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  // The boundaries between the parts (docs/ARCHITECTURE.md); eslint-rules/boundaries.test.ts
  // plants an import across each one and expects it refused.
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    ignores: ["sandbox/**", ...TEST_CODE],
    rules: {
      "no-restricted-imports": ["error", { patterns: [NOT_THE_SANDBOX, NOT_TEST_SUPPORT] }],
    },
  },
  {
    files: ["sandbox/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [NOT_THE_APP] }] },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { lobby },
    rules: { "lobby/client-boundary": "error" },
  },
];

export default config;
