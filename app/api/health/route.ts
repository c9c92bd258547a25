import { checkHealth } from "@/lib/health/check-health";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "none" }, async () => {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.database.status === "up" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});
