import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { SyncRunsTable } from "@/components/sync/sync-runs-table";
import { canEdit } from "@/lib/auth/permissions";
import { requireArea } from "@/lib/auth/require-area";
import { listSyncRuns } from "@/lib/sync-console/list-sync-runs";
import { listSyncTargets } from "@/lib/sync-console/list-sync-targets";
import { syncRunListSchema } from "@/lib/sync-console/sync-run-schemas";

export const dynamic = "force-dynamic";

export default async function SyncRunsPage() {
  const user = await requireArea("sync");
  const mayStart = canEdit(user.roles, "sync");
  const [t, initial, targets] = await Promise.all([getTranslations("sync"), listSyncRuns(syncRunListSchema.parse({})), mayStart ? listSyncTargets() : null]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SyncRunsTable
        initial={initial}
        targets={targets ? targets.imTargets.map(({ id, name }) => ({ id, name })) : null}
        hrName={targets?.hrConnection?.name ?? null}
      />
    </>
  );
}
