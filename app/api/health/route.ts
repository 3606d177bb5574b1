import { envSection } from "@/lib/core/env";
import { checkHealth } from "@/lib/core/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(envSection("app").APP_VERSION);
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}
