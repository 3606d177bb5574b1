import { apiRoute } from "@/lib/core/api/api-route";
import { getNotificationOperation } from "@/lib/notifications/notifications-api-operations";
import { getNotificationStatus } from "@/lib/notifications/queries/get-notification-status";

export const dynamic = "force-dynamic";

/** GET /api/v1/notifications/{id} — see getNotificationOperation. */
export const GET = apiRoute(getNotificationOperation, async ({ params, actor }) =>
  getNotificationStatus(params.id, { requestedBy: `${actor.type}:${actor.id}` }),
);
