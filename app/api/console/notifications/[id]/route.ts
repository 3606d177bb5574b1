import { withApi } from "@/lib/core/api/with-api";
import { notFound } from "@/lib/core/errors";
import { getNotification } from "@/lib/notifications/queries/get-notification";
import { listDeliveries } from "@/lib/notifications/queries/list-deliveries";
import { deliveryFilterSchema } from "@/lib/notifications/console-schemas";

export const dynamic = "force-dynamic";

/** GET /api/console/notifications/:id — one notification's counts and a page of deliveries, polled while it dispatches. */
export const GET = withApi<{ id: string }>(
  { kind: "session", area: "notifications" },
  async ({ request, params }) => {
    const notification = await getNotification(params.id);
    if (!notification) throw notFound("Notification");
    const deliveries = await listDeliveries(
      params.id,
      deliveryFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams)),
    );
    return { notification, deliveries };
  },
);
