import { withApi } from "@/lib/core/api/with-api";
import { listNotifications } from "@/lib/notifications/queries/list-notifications";
import { notificationListSchema } from "@/lib/notifications/console-schemas";

export const dynamic = "force-dynamic";

/** GET /api/console/notifications — the notification log the console polls (HR admins). */
export const GET = withApi({ kind: "session", area: "notifications" }, async ({ request }) => {
  return listNotifications(
    notificationListSchema.parse(Object.fromEntries(new URL(request.url).searchParams)),
  );
});
