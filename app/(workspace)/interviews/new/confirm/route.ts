import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { executeOperation } from "@/lib/operations";
import {
  CONFIRM_CREATE_ROUTE,
  handleConfirmCreate,
} from "@/lib/scheduling/reconcile-pending-route";
import { rateLimiters } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

export const POST = route(CONFIRM_CREATE_ROUTE, async (request, context) =>
  handleConfirmCreate(request, context, {
    db: db(),
    find: (session, variables) =>
      executeOperation(session, "FindInterviews", variables, undefined, {
        requestId: context.requestId,
      }),
    get: (session, variables) =>
      executeOperation(session, "GetInterviews", variables, undefined, {
        requestId: context.requestId,
      }),
    limiter: (await rateLimiters()).graphql,
  }),
);
