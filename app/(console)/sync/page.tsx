import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CalendarClock, Settings } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { SyncRunsTable } from "@/components/sync/sync-runs-table";
import { canEdit } from "@/lib/core/auth/permissions";
import { requireArea } from "@/lib/core/auth/require-area";
import { listSyncRuns } from "@/lib/sync/queries/list-sync-runs";
import { listSyncTargets } from "@/lib/sync/queries/list-sync-targets";
import { syncRunListSchema } from "@/lib/sync/sync-run-schemas";

export const dynamic = "force-dynamic";

export default async function SyncRunsPage() {
  const user = await requireArea("sync");
  const mayStart = canEdit(user.roles, "sync");
  const [t, ts, tl, initial, targets] = await Promise.all([
    getTranslations("sync"),
    getTranslations("syncSettings"),
    getTranslations("lifecycle"),
    listSyncRuns(syncRunListSchema.parse({})),
    mayStart ? listSyncTargets() : null,
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href="/sync/scheduled">
                <CalendarClock aria-hidden />
                {tl("link")}
              </Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href="/sync/settings">
                <Settings aria-hidden />
                {ts("link")}
              </Link>
            </Button>
          </>
        }
      />
      <SyncRunsTable
        initial={initial}
        targets={targets ? targets.imTargets.map(({ id, name }) => ({ id, name })) : null}
        hrName={targets?.hrConnection?.name ?? null}
      />
    </>
  );
}
