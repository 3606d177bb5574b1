import { apiRoute, reply } from "@/lib/core/api/api-route";
import { createNotification } from "@/lib/notifications/commands/create-notification";
import { createNotificationOperation } from "@/lib/notifications/notifications-api-operations";

export const dynamic = "force-dynamic";

/** POST /api/v1/notifications — see createNotificationOperation. */
export const POST = apiRoute(createNotificationOperation, async ({ request, actor, input }) => {
  const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
  const result = await createNotification({ notification: input, idempotencyKey }, { actor });
  const n = result.notification;
  return reply(
    result.created ? 202 : 200,
    {
      id: n.id,
      status: n.status,
      categoryVersion: n.categoryVersion,
      recipientCount: n.recipientCount,
      createdAt: n.createdAt.toISOString(),
      replayed: !result.created,
      unknownEmployeeNos: result.unknownEmployeeNos,
      unknownOrgUnits: result.unknownOrgUnits,
      inactiveEmployeeNos: result.inactiveEmployeeNos,
    },
    { location: `/api/v1/notifications/${n.id}` },
  );
});
