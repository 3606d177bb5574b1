import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NotificationDetailView } from "@/components/notifications/notification-detail";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireArea } from "@/lib/core/auth/require-area";
import { getNotification } from "@/lib/notifications/queries/get-notification";
import { listDeliveries } from "@/lib/notifications/queries/list-deliveries";
import { deliveryFilterSchema } from "@/lib/notifications/console-schemas";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> };

export default async function NotificationPage({ params, searchParams }: Props) {
  await requireArea("notifications");
  const { id } = await params;
  const filter = deliveryFilterSchema
    .catch({ page: 1, status: undefined })
    .parse(await searchParams);
  const notification = await getNotification(id);
  if (!notification) notFound();
  const [t, deliveries] = await Promise.all([
    getTranslations("notifications.log"),
    listDeliveries(id, filter),
  ]);
  return (
    <>
      <PageHeader
        title={notification.title}
        description={t("detailDescription", { id: notification.id })}
        actions={
          <Button asChild variant="outline">
            <Link href="/notifications/log">{t("backToLog")}</Link>
          </Button>
        }
      />
      <NotificationDetailView initial={{ notification, deliveries }} filter={filter} />
    </>
  );
}
