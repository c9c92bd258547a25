import { spawn, type ChildProcess } from "node:child_process";

/**
 * Runs one child process per env under tsx (with server-only allowed) and releases them all
 * at once: each child prints "ready" once set up and waits for "go" on stdin, then prints its
 * result as the last line of JSON. Resolves with each child's result, in `envs` order. For the
 * tests that prove a shared mechanism (a lock, a budget) holds across app processes.
 */
export function runChildrenInStep<Result>(
  script: string,
  envs: Record<string, string>[],
  timeoutMs = 30_000,
): Promise<Result[]> {
  let ready = 0;
  const children: ChildProcess[] = [];
  const run = (env: Record<string, string>) =>
    new Promise<Result>((resolve, reject) => {
      const child = spawn("npx", ["tsx", "--import", "./scripts/allow-server-only.mjs", script], {
        env: { ...process.env, ...env },
        stdio: ["pipe", "pipe", "pipe"],
      });
      children.push(child);
      let out = "";
      let err = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        const text = chunk.toString();
        out += text;
        // Release them together, once every one has started and connected.
        if (text.includes("ready") && ++ready === envs.length)
          for (const c of children) c.stdin!.write("go\n");
      });
      child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`child timed out; stdout: ${out} stderr: ${err}`));
      }, timeoutMs);
      child.on("exit", (code) => {
        clearTimeout(timer);
        if (code !== 0) reject(new Error(`child exited ${code}: ${err}`));
        else resolve(JSON.parse(out.trim().split("\n").pop()!) as Result);
      });
    });
  return Promise.all(envs.map(run));
}
