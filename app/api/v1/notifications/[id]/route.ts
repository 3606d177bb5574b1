import { withApi } from "@/lib/core/api/with-api";
import { getNotificationStatus } from "@/lib/notifications/queries/get-notification-status";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/notifications/{id} — status and deliveries by outcome, for the integration that sent
 * it (scope `notifications:write`; another token's notification is 404).
 */
export const GET = withApi<{ id: string }>(
  { kind: "token", scope: "notifications:write" },
  async ({ params, actor }) => {
    return getNotificationStatus(params.id, { requestedBy: `token:${actor.id}` });
  },
);
