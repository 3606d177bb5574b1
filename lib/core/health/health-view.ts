import type { Role } from "@/lib/core/auth/permissions";
import type { Health } from "./check-health";

/**
 * What a caller may see of the health check: anyone gets ok / not ok (enough for
 * a load balancer); only a signed-in IT admin gets the database server version,
 * latency and the app version, which would help someone probing for known flaws.
 */
export function healthView(
  health: Health,
  roles: readonly Role[] | null,
): Health | Pick<Health, "status"> {
  return roles?.includes("IT_ADMIN") ? health : { status: health.status };
}
