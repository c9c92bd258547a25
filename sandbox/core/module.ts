import type { VirtualClock } from "./clock";
import type { Router } from "./http";
import type { Journal } from "./journal";

/** What every part of the sandbox shares: where it lives, its clock, its journal. */
export interface SandboxContext {
  /** The sandbox's own base URL; also the OAuth issuer. */
  issuer: string;
  clock: VirtualClock;
  journal: Journal;
  /** Where the state file lives (`.data/sandbox` by default). */
  dataDir: string;
  /** Says the state changed; the server writes it to disk shortly after. */
  markDirty(): void;
  /** The CSRF token a sandbox page's form needs to post to the control route `action`. */
  controlFormToken(action: string): string;
}

/**
 * A part of the sandbox (OAuth, the Interview API, ...). Each owns a slice of the persisted
 * state, serialised under its `name`, and mounts its routes on the shared router.
 */
export interface SandboxModule {
  readonly name: string;
  mount(router: Router): void;
  /** Restores the slice from disk, or seeds it when `snapshot` is undefined. */
  load(snapshot: unknown): void;
  snapshot(): unknown;
  /** Back to the seed, as `POST /_sandbox/reset` asks. */
  reset(): void;
  /** This part's section of the sandbox home page (`GET /`), if it has one. */
  homeSection?(): HomeSection;
}

/** A titled block of the home page; `html` is trusted markup the module escaped itself. */
export interface HomeSection {
  title: string;
  html: string;
}
