import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

// `npm run bench:bundle`: each page's first-load JavaScript, gzipped, against the budget, read
// from the production build in `.next` (run `next build` first). A page's first load is the
// runtime every page gets (build-manifest.json's rootMainFiles) plus every client chunk its
// route's segments name (the entryJSFiles of the page's client reference manifest: the root
// layout, the group layouts, the page, their error, loading and not-found boundaries). Chunks
// loaded later through import() or React.lazy are not in it, which is the point. The chunks of
// the page's next/dynamic imports (its react-loadable manifest) are counted: such a part
// renders with the page and its HTML asks for the chunks at once, so they are first-load
// JavaScript too (Lobby has none since ADR 0094; this keeps a new one honest). The legacy
// polyfill chunk is left out: modern browsers never fetch it (nomodule). Exits 1 over budget.

const BUDGET_KB = Number(process.env.BUNDLE_BUDGET_KB ?? 150);
const NEXT_DIR = ".next";
const APP_DIR = join(NEXT_DIR, "server", "app");
const MANIFEST_SUFFIX = "page_client-reference-manifest.js";
const LOADABLE_MANIFEST = join("page", "react-loadable-manifest.json");

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

function manifests(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...manifests(path));
    else if (name === MANIFEST_SUFFIX) found.push(path);
  }
  return found;
}

/** `.next/server/app/(workspace)/interviews/page_client-reference-manifest.js` → `/interviews`. */
function routeOf(path: string): { key: string; route: string } {
  const segments = relative(APP_DIR, path).split(sep).slice(0, -1);
  const key = `/${[...segments, "page"].join("/")}`;
  const visible = segments.filter((segment) => !/^\(.*\)$/.test(segment));
  return { key, route: `/${visible.join("/")}` };
}

function readManifest(path: string, key: string): ClientReferenceManifest {
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[key]; run it in a sandbox.
  const context: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, unknown> } = {};
  context.globalThis = context;
  runInNewContext(readFileSync(path, "utf8"), context);
  const manifest = context.__RSC_MANIFEST?.[key];
  if (!manifest) throw new Error(`${path} has no manifest for ${key}`);
  return manifest as ClientReferenceManifest;
}

/** The chunks of the page's next/dynamic imports, from the manifest beside its client manifest. */
function dynamicChunks(clientManifestPath: string): string[] {
  const path = join(clientManifestPath, "..", LOADABLE_MANIFEST);
  if (!existsSync(path)) return [];
  const manifest = JSON.parse(readFileSync(path, "utf8")) as Record<string, { files?: string[] }>;
  return Object.values(manifest).flatMap((entry) => entry.files ?? []);
}

const gzipped = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipped.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(NEXT_DIR, file))).length;
    gzipped.set(file, size);
  }
  return size;
}

function main(): number {
  if (!existsSync(join(NEXT_DIR, "BUILD_ID"))) {
    console.error("No production build in .next: run `npx next build` first.");
    return 2;
  }
  const build = JSON.parse(readFileSync(join(NEXT_DIR, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const rows = manifests(APP_DIR)
    .map((path) => {
      const { key, route } = routeOf(path);
      const files = new Set(build.rootMainFiles);
      for (const chunks of Object.values(readManifest(path, key).entryJSFiles ?? {}))
        for (const chunk of chunks) files.add(chunk.replace(/^\/_next\//, ""));
      for (const chunk of dynamicChunks(path)) files.add(chunk);
      const bytes = [...files].reduce((sum, file) => sum + gzipSize(file), 0);
      return { route, files: files.size, kb: bytes / 1024 };
    })
    .filter((row) => !row.route.startsWith("/_"))
    .sort((a, b) => a.route.localeCompare(b.route));

  console.log(
    `First-load JavaScript per page, gzip (level 6, as next start serves it), budget ${BUDGET_KB} kB`,
  );
  console.log("page                           chunks    gzip kB   budget   status");
  for (const row of rows) {
    console.log(
      `${row.route.padEnd(30)} ${String(row.files).padStart(6)}  ${row.kb.toFixed(1).padStart(9)}  ${String(BUDGET_KB).padStart(7)}   ${row.kb <= BUDGET_KB ? "ok" : "OVER"}`,
    );
  }
  const over = rows.filter((row) => row.kb > BUDGET_KB);
  if (over.length > 0) console.log(`${over.length} page(s) over budget`);
  return over.length > 0 ? 1 : 0;
}

process.exitCode = main();
