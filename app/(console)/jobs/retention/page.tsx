import { getTranslations } from "next-intl/server";
import { PruneNowButton } from "@/components/retention/prune-now-button";
import { RetentionSettingsForm } from "@/components/retention/retention-settings-form";
import { PageHeader } from "@/components/shell/page-header";
import { canEdit } from "@/lib/core/auth/permissions";
import { requireArea } from "@/lib/core/auth/require-area";
import { getRetentionSettings } from "@/lib/retention/queries/get-retention-settings";

export const dynamic = "force-dynamic";

export default async function RetentionSettingsPage() {
  const user = await requireArea("jobs");
  const [t, settings] = await Promise.all([getTranslations("retention"), getRetentionSettings()]);
  const mayEdit = canEdit(user.roles, "jobs");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={mayEdit ? <PruneNowButton /> : null}
      />
      <RetentionSettingsForm
        kinds={settings.kinds}
        readOnly={!mayEdit}
        updatedAt={settings.updatedAt?.toISOString() ?? null}
      />
    </>
  );
}
