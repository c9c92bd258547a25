import type { SandboxContext } from "../core/module";
import type { TokenFaults } from "./faults";
import type { OAuthStore } from "./store";
import type { TokenService } from "./tokens";

/** What the OAuth half's route files share. */
export interface OAuthRuntime {
  context: SandboxContext;
  store: OAuthStore;
  tokens: TokenService;
  faults: TokenFaults;
}
