import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.database.status === "up" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
