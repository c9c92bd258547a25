import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests of pure logic; integration tests against the sandbox and a real database (PGlite,
// or PostgreSQL with DATABASE_URL); and postgres-only tests that share one server between
// processes. `npm run test:unit`, `test:integration` and `test:db` pick them.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React server bundle; tests run server code directly.
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,sandbox,components,app,test}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "**/*.pg.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{lib,sandbox,app}/**/*.int.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // Tests that need a real PostgreSQL server shared by several processes: `npm run test:db`.
        extends: true,
        test: {
          name: "postgres",
          include: ["lib/**/*.pg.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
