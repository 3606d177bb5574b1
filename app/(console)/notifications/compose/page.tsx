import { getLocale, getTranslations } from "next-intl/server";
import { ComposeForm } from "@/components/notifications/compose-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireArea } from "@/lib/core/auth/require-area";
import { listCategories } from "@/lib/notifications/queries/list-categories";
import { findNotifyTarget } from "@/lib/notifications/queries/find-notify-target";
import { DEFAULT_MAX_BODY_BYTES } from "@/lib/notifications/notification-input-schema";

export const dynamic = "force-dynamic";

export default async function ComposePage() {
  await requireArea("notifications", "edit");
  const [t, locale, categories, target] = await Promise.all([
    getTranslations("notifications.compose"),
    getLocale(),
    listCategories(),
    findNotifyTarget(),
  ]);
  const options = categories
    .filter((c) => !c.archived)
    .map((c) => ({
      key: c.key,
      name: locale === "en" ? c.nameEn : c.nameZh,
      mandatory: c.mandatory,
      urgent: c.urgent,
      defaultOptIn: c.defaultOptIn,
    }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ComposeForm
        categories={options}
        maxBodyBytes={target?.capabilities?.maxTextBytes ?? DEFAULT_MAX_BODY_BYTES}
        targetName={target?.name ?? null}
      />
    </>
  );
}
