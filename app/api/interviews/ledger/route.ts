import { handleLedgerDetails, LEDGER_DETAILS_ROUTE } from "@/lib/calendar/ledger-route";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { rateLimiters } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

/** POST /api/interviews/ledger: what Lobby knows of a page of the calendar's Indeed events. */
export const POST = route(LEDGER_DETAILS_ROUTE, async (request, { session }) =>
  handleLedgerDetails(request, session, {
    database: db(),
    limiter: (await rateLimiters()).graphql,
  }),
);
