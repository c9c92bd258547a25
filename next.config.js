/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or WASM database drivers must load from node_modules, not from the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "drizzle-orm"],
  // `npm test` type-checks the whole project (app, sandbox, tests) before it builds; the build
  // need not check it a second time.
  typescript: { ignoreBuildErrors: true },
  // `forbidden()` and app/forbidden.tsx: a 403 page when the session's employer is gone.
  experimental: { authInterrupts: true },
};

export default nextConfig;
