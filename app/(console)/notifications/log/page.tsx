import { getLocale, getTranslations } from "next-intl/server";
import { NotificationLog } from "@/components/notifications/notification-log";
import { PageHeader } from "@/components/shell/page-header";
import { requireArea } from "@/lib/core/auth/require-area";
import { listCategories } from "@/lib/notifications/queries/list-categories";
import { listNotifications } from "@/lib/notifications/queries/list-notifications";
import { notificationListSchema } from "@/lib/notifications/console-schemas";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string>> };

export default async function NotificationLogPage({ searchParams }: Props) {
  await requireArea("notifications");
  const filter = notificationListSchema
    .catch({ page: 1, category: undefined, status: undefined, from: undefined, to: undefined })
    .parse(await searchParams);
  const [t, locale, initial, categories] = await Promise.all([
    getTranslations("notifications.log"),
    getLocale(),
    listNotifications(filter),
    listCategories(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <NotificationLog
        initial={initial}
        filter={filter}
        categories={categories.map((c) => ({
          key: c.key,
          name: locale === "en" ? c.nameEn : c.nameZh,
        }))}
      />
    </>
  );
}
