/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or WASM database drivers must load from node_modules, not from the bundle.
  // rate-limiter-flexible's optional stores import their drivers dynamically; leave it unbundled.
  // pg-boss (the job queue) loads pg at run time.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "pg-boss",
    "drizzle-orm",
    "rate-limiter-flexible",
  ],
  // `npm test` type-checks the whole project (app, sandbox, tests) before it builds; the build
  // need not check it a second time.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // `forbidden()` and app/forbidden.tsx: a 403 page when the session's employer is gone.
    authInterrupts: true,
    // The CSV import takes files up to 2 MB and says so itself; Next's 1 MB default would end a
    // bigger upload in a 500. proxy.ts refuses anything declared over this with a 413.
    serverActions: { bodySizeLimit: "3mb" },
  },
};

export default nextConfig;
