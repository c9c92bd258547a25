import { route } from "@/lib/http/route";
import { GRAPHQL_ROUTE, handleGraphqlOperation } from "@/lib/indeed/route-handler";
import { indeedClient, operations } from "@/lib/operations";
import { rateLimiters } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

const handle = route(GRAPHQL_ROUTE, async (request, context) =>
  handleGraphqlOperation(request, context, {
    client: indeedClient(),
    operations,
    limiter: (await rateLimiters()).graphql,
  }),
);

// Every method reaches the handler so that GET & co. get the same JSON error shape (405).
export { handle as POST, handle as GET, handle as PUT, handle as PATCH, handle as DELETE };
