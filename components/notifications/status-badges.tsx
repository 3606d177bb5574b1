import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { DeliveryStatus, NotificationStatus } from "@/lib/notifications/console-schemas";

const DELIVERY_VARIANT = {
  SENT: "success",
  DEFERRED: "warning",
  SUPPRESSED: "outline",
  FAILED: "destructive",
  QUEUED: "default",
} as const;
const NOTIFICATION_VARIANT = {
  QUEUED: "default",
  DISPATCHING: "warning",
  COMPLETED: "success",
  FAILED: "destructive",
} as const;

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const t = useTranslations("notifications.outcomes");
  return <Badge variant={DELIVERY_VARIANT[status]}>{t(status)}</Badge>;
}

export function NotificationStatusBadge({ status }: { status: NotificationStatus }) {
  const t = useTranslations("notifications.statuses");
  return <Badge variant={NOTIFICATION_VARIANT[status]}>{t(status)}</Badge>;
}
