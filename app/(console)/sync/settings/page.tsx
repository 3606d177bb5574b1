import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { SyncSettingsForm } from "@/components/sync/sync-settings-form";
import { canEdit } from "@/lib/core/auth/permissions";
import { requireArea } from "@/lib/core/auth/require-area";
import { getSyncSettings } from "@/lib/sync/commands/sync-settings";

export const dynamic = "force-dynamic";

export default async function SyncSettingsPage() {
  const user = await requireArea("sync");
  const [t, settings] = await Promise.all([getTranslations("syncSettings"), getSyncSettings()]);
  const { updatedAt, updatedBy: _, ...values } = settings;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SyncSettingsForm
        initial={values}
        readOnly={!canEdit(user.roles, "sync")}
        updatedAt={updatedAt?.toISOString() ?? null}
      />
    </>
  );
}
