import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { exportPersonalData } from "@/lib/privacy/export";
import { indeedReaderFor } from "@/lib/privacy/indeed-reader";

export const dynamic = "force-dynamic";

/**
 * GET /privacy/requests/:id/export: everything Lobby holds about the request's job seeker, as
 * a JSON download. A link the browser follows: refusals land on the problem page.
 */
export const GET = route<{ id: string }>(
  { auth: "employer", pages: true, methods: ["GET"] },
  async (_request, { session, params }) => {
    const { json, fileName } = await exportPersonalData(
      db(),
      session,
      params.id,
      indeedReaderFor(session),
    );
    return new Response(json, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
