import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { AttributeAuthorityForm } from "@/components/sync/attribute-authority-form";
import { SyncSettingsForm } from "@/components/sync/sync-settings-form";
import { canEdit } from "@/lib/core/auth/permissions";
import { requireArea } from "@/lib/core/auth/require-area";
import { getSyncSettings } from "@/lib/sync/commands/sync-settings";
import { loadAttributeAuthority } from "@/lib/sync/queries/load-attribute-authority";
import { listSyncTargets } from "@/lib/sync/queries/list-sync-targets";

export const dynamic = "force-dynamic";

export default async function SyncSettingsPage() {
  const user = await requireArea("sync");
  const [t, settings, { imTargets }] = await Promise.all([
    getTranslations("syncSettings"),
    getSyncSettings(),
    listSyncTargets(),
  ]);
  const authorities = await Promise.all(imTargets.map((c) => loadAttributeAuthority(c.id)));
  const readOnly = !canEdit(user.roles, "sync");
  const { updatedAt, updatedBy: _, ...values } = settings;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SyncSettingsForm
        initial={values}
        readOnly={readOnly}
        updatedAt={updatedAt?.toISOString() ?? null}
      />
      <div className="mt-4 flex max-w-3xl flex-col gap-4">
        {imTargets.map((c, i) => (
          <AttributeAuthorityForm
            key={c.id}
            connection={{ id: c.id, name: c.name }}
            initial={authorities[i]!}
            readOnly={readOnly}
          />
        ))}
      </div>
    </>
  );
}
