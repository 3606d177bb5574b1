import { checkHealth } from "@/lib/core/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(process.env.APP_VERSION ?? "0.1.0");
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}
