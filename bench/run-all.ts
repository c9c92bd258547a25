import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

// `npm run bench`: every benchmark, one after another (they start their own servers on shared
// ports, so never two at once), each one's figures as it prints them, then which ones failed.
// One failing does not stop the others.

const ORDER = [
  "bench:find",
  "bench:proxy",
  "bench:mail",
  "bench:calendar",
  "bench:route",
  "bench:bundle",
  "bench:lighthouse",
];

const scripts = (
  JSON.parse(readFileSync("package.json", "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;

const outcomes: { name: string; status: number | null; seconds: number }[] = [];
for (const name of ORDER) {
  if (!scripts[name]) continue; // bench:calendar exists once its engineer has added it
  console.log(`\n=== npm run ${name}`);
  const started = Date.now();
  const { status } = spawnSync("npm", ["run", "--silent", name], { stdio: "inherit" });
  outcomes.push({ name, status, seconds: (Date.now() - started) / 1000 });
}

console.log("\n=== summary");
for (const { name, status, seconds } of outcomes)
  console.log(
    `${name.padEnd(18)} ${status === 0 ? "ok" : `exit ${status}`}  ${seconds.toFixed(0)} s`,
  );
process.exitCode = outcomes.some((outcome) => outcome.status !== 0) ? 1 : 0;
