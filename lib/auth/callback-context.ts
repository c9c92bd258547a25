import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the OAuth callback request carried that next-auth does not pass on: openid-client keeps
 * only the standard callback parameters, so Indeed's `employer` would be lost before the code
 * exchange. The callback route runs next-auth inside this store; `token.request` reads it.
 */
export interface CallbackContext {
  employer?: string;
}

export const callbackContext = new AsyncLocalStorage<CallbackContext>();
