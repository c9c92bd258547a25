import { getEmployerSessionFromRequest } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { indeedClient } from "@/lib/indeed/client";
import { handleGraphqlRequest } from "@/lib/indeed/route-handler";
import { rateLimiters } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  return handleGraphqlRequest(request, {
    appUrl: config().appUrl,
    getSession: getEmployerSessionFromRequest,
    client: indeedClient(),
    limiter: (await rateLimiters()).graphql,
  });
}

// Every method reaches the handler so that GET & co. get the same JSON error shape (405).
export { handle as POST, handle as GET, handle as PUT, handle as PATCH, handle as DELETE };
