import type { Router } from "../core/http";
import type { SandboxContext, SandboxModule } from "../core/module";
import { mountAccountPages } from "./account";
import { mountAccountCreation } from "./account-creation";
import type { OAuthApi } from "./api";
import { mountAuthorize } from "./authorize";
import { mountOAuthControlRoutes } from "./control-routes";
import { mountDiscovery } from "./discovery";
import { TokenFaults } from "./faults";
import { oauthHomeSection } from "./home-section";
import type { OAuthRuntime } from "./runtime";
import { readSession } from "./session";
import { mountRevocation } from "./revocation";
import { OAuthStore, readSeed } from "./store";
import { mountTokenEndpoint } from "./token-endpoint";
import { TokenService } from "./tokens";
import { mountUserInfo } from "./userinfo";

/** The OAuth half of the sandbox: Indeed's authorize, token, userinfo/appinfo and discovery endpoints. */
export function createOAuthModule(context: SandboxContext): SandboxModule & { api: OAuthApi } {
  const store = new OAuthStore();
  const rt: OAuthRuntime = {
    context,
    store,
    tokens: new TokenService(store, context),
    faults: new TokenFaults(),
  };

  const api: OAuthApi = {
    verifyAccessToken: (token) => rt.tokens.verifyAccessToken(token),
    user: (id) => {
      const user = store.users.get(id);
      return user && store.publicUser(user);
    },
    userByEmail: (email) => {
      const needle = email.trim().toLowerCase();
      const user = [...store.users.values()].find((u) => u.email.toLowerCase() === needle);
      return user && store.publicUser(user);
    },
    employer: (id) => store.employers.get(id),
    users: () => [...store.users.values()].map((u) => store.publicUser(u)),
    employers: () => [...store.employers.values()],
    currentAccount: (req) => {
      const userId = readSession(req, rt)?.session.userId;
      const user = userId ? store.users.get(userId) : undefined;
      return user && store.publicUser(user);
    },
    signInUrl: (returnTo) =>
      `${context.issuer}/account/sign-in?return_to=${encodeURIComponent(returnTo)}`,
    createAccountUrl: (returnTo) =>
      `${context.issuer}/account/create?return_to=${encodeURIComponent(returnTo)}`,
  };

  return {
    name: "oauth",
    api,
    mount(router: Router) {
      mountDiscovery(router, rt);
      mountAuthorize(router, rt);
      mountTokenEndpoint(router, rt);
      mountRevocation(router, rt);
      mountUserInfo(router, rt);
      mountAccountPages(router, rt);
      mountAccountCreation(router, rt);
      mountOAuthControlRoutes(router, rt);
    },
    load(snapshot) {
      if (snapshot !== undefined && store.restore(snapshot)) return;
      if (snapshot !== undefined)
        console.warn("[sandbox] the saved OAuth state is not readable; starting from the seed");
      store.seed(readSeed());
    },
    snapshot: () => store.snapshot(),
    reset() {
      store.seed(readSeed());
      rt.faults.clear();
    },
    homeSection: () => oauthHomeSection(rt),
  };
}
