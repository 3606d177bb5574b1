import { envSection } from "@/lib/core/env";
import { getCurrentUser } from "@/lib/core/auth/current-user";
import { checkHealth } from "@/lib/core/health/check-health";
import { healthView } from "@/lib/core/health/health-view";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(envSection("app").APP_VERSION);
  // A database outage must still answer 503, not fail on the session lookup.
  const user = health.database.ok ? await getCurrentUser().catch(() => null) : null;
  return Response.json(healthView(health, user?.roles ?? null), {
    status: health.status === "ok" ? 200 : 503,
  });
}
