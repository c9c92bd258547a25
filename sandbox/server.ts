import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { VirtualClock } from "./core/clock";
import { HttpError, Router, sendJson, toSandboxRequest } from "./core/http";
import { Journal } from "./core/journal";
import type { SandboxContext, SandboxModule } from "./core/module";
import { mountControlRoutes } from "./core/control";
import { mountHomePage } from "./core/home";
import { createOAuthModule } from "./oauth/module";
import { createInterviewModule } from "./interviews/module";
import type { InterviewApiModes } from "./interviews/api-modes";
import { createMailboxModule } from "./mailbox/module";
import {
  checkControlWrite,
  checkHost,
  FormTokens,
  isControlWrite,
  ownHosts,
  ownOrigins,
} from "./core/request-guard";

export interface SandboxOptions {
  port: number;
  host?: string;
  /** Public base URL (issuer). Defaults to http://127.0.0.1:<port>. */
  issuer?: string;
  dataDir: string;
  /** The SMTP server's port, on the same host; 0 or omitted picks a free one (tests). */
  smtpPort?: number;
  /** Keep state in memory only (tests); the state file is neither read nor written. */
  ephemeral?: boolean;
  /** The Interview API's modes at start (`SANDBOX_SCHEMA`, `SANDBOX_ACCESS`); see interviews/api-modes.ts. */
  interviews?: Partial<InterviewApiModes>;
}

export interface RunningSandbox {
  url: string;
  context: SandboxContext;
  modules: SandboxModule[];
  server: Server;
  /** The port of the SMTP server whose mail the mailbox shows (`smtp://<host>:<smtpPort>`). */
  smtpPort: number;
  /** Writes pending state and stops listening. */
  close(): Promise<void>;
}

interface StateFile {
  version: 1;
  clockOffsetMs: number;
  modules: Record<string, unknown>;
}

const STATE_FILE = "state.json";

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const router = new Router();
  const journal = new Journal();
  const statePath = join(options.dataDir, STATE_FILE);
  const saved = options.ephemeral ? undefined : readState(statePath);
  const clock = new VirtualClock(saved?.clockOffsetMs ?? 0);

  let writeTimer: NodeJS.Timeout | undefined;
  const formTokens = new FormTokens();
  const context: SandboxContext = {
    issuer: options.issuer ?? `http://${host}:${options.port}`,
    clock,
    journal,
    dataDir: options.dataDir,
    markDirty() {
      if (options.ephemeral || writeTimer) return;
      writeTimer = setTimeout(flush, 200);
      writeTimer.unref();
    },
    controlFormToken: (action) => formTokens.issue(action),
  };

  const mailbox = createMailboxModule(context);
  const modules = [...createModules(context, options.interviews), mailbox];
  for (const part of modules) {
    part.load(saved?.modules[part.name]);
    part.mount(router);
  }
  mountControlRoutes(router, context, modules);
  mountHomePage(router, context, modules);

  function flush() {
    writeTimer = undefined;
    if (options.ephemeral) return;
    const state: StateFile = {
      version: 1,
      clockOffsetMs: clock.offset,
      modules: Object.fromEntries(modules.map((m) => [m.name, m.snapshot()])),
    };
    mkdirSync(options.dataDir, { recursive: true });
    const tmp = `${statePath}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, statePath);
  }

  // Known once the server listens (port 0 picks one); no request arrives before that.
  let guard = { hosts: new Set<string>(), origins: new Set<string>() };

  const server = createServer(async (raw, res) => {
    const started = performance.now();
    const req = toSandboxRequest(raw, context.issuer);
    // "close" rather than "finish": a response a fault destroyed is journalled too (status 0).
    res.on("close", () => {
      journal.add({
        at: new Date(clock.now()).toISOString(),
        method: req.method,
        path: req.url.pathname,
        status: res.writableFinished ? res.statusCode : 0,
        kind: req.note.kind ?? "http",
        ...req.note,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    });
    try {
      checkHost(req, guard.hosts);
      const found = router.match(req.method, req.url.pathname);
      if (!found) throw new HttpError(404, "Not found");
      if ("allow" in found) {
        throw new HttpError(405, "Method not allowed", { Allow: found.allow.join(", ") });
      }
      if (isControlWrite(req)) {
        await checkControlWrite(req, { origins: guard.origins, formTokens });
      }
      await found.handler(req, res, found.params);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(res, error.status, { error: error.message }, error.headers);
        return;
      }
      console.error("[sandbox] unexpected error", error);
      sendJson(res, 500, { error: "Internal sandbox error" });
    }
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  let smtpPort: number;
  try {
    smtpPort = await mailbox.startSmtp(host, options.smtpPort ?? 0);
  } catch (error) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  if (!options.issuer) context.issuer = `http://${host}:${port}`;
  guard = { hosts: ownHosts(port, context.issuer), origins: ownOrigins(port, context.issuer) };
  if (!saved) context.markDirty();

  return {
    url: context.issuer,
    context,
    modules,
    server,
    smtpPort,
    async close() {
      if (writeTimer) {
        clearTimeout(writeTimer);
        flush();
      }
      server.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => server.close(() => resolve())),
        mailbox.stopSmtp(),
      ]);
    },
  };
}

function readState(path: string): StateFile | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as StateFile;
    return parsed.version === 1 ? parsed : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    console.warn(`[sandbox] could not read ${path}; starting from the seed`, error);
    return undefined;
  }
}

/** The sandbox's parts, in mount order. */
function createModules(
  context: SandboxContext,
  interviewModes: Partial<InterviewApiModes> = {},
): SandboxModule[] {
  const oauth = createOAuthModule(context);
  return [oauth, createInterviewModule(context, oauth.api, interviewModes)];
}
