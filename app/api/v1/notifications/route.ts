import { withApi } from "@/lib/core/api/with-api";
import { createNotification } from "@/lib/notifications/commands/create-notification";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/notifications — accept a notification for dispatch (scope `notifications:write`).
 * 202 with the new notification; with a known `Idempotency-Key`, 200 with the original. Bad input →
 * 422 naming the field (`category`, `recipients`, `body`, …); unparsable JSON → 400.
 */
export const POST = withApi(
  { kind: "token", scope: "notifications:write" },
  async ({ request, actor, body }) => {
    const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
    const result = await createNotification({ notification: body, idempotencyKey }, { actor });
    const n = result.notification;
    return Response.json(
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
      {
        status: result.created ? 202 : 200,
        headers: { location: `/api/v1/notifications/${n.id}` },
      },
    );
  },
);
