import { withApi } from "@/lib/core/api/with-api";
import { listSyncRuns } from "@/lib/sync/queries/list-sync-runs";
import { syncRunListSchema } from "@/lib/sync/sync-run-schemas";

export const dynamic = "force-dynamic";

/** GET /api/console/sync-runs — the sync-runs list the console polls (HR and IT admins). */
export const GET = withApi({ kind: "session", area: "sync" }, async ({ request }) => {
  return listSyncRuns(
    syncRunListSchema.parse(Object.fromEntries(new URL(request.url).searchParams)),
  );
});
