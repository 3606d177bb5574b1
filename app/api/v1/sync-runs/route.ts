import { apiRoute, reply } from "@/lib/core/api/api-route";
import { requestSync } from "@/lib/sync/commands/request-sync";
import { listSyncRuns } from "@/lib/sync/queries/list-sync-runs";
import { listSyncRunsOperation, requestSyncOperation } from "@/lib/sync/sync-api-operations";

export const dynamic = "force-dynamic";

/** GET /api/v1/sync-runs — see listSyncRunsOperation. */
export const GET = apiRoute(listSyncRunsOperation, async ({ query }) => {
  const { runs, nextCursor } = await listSyncRuns(query);
  return { items: runs, nextCursor };
});

/** POST /api/v1/sync-runs — see requestSyncOperation; the console's own command and checks. */
export const POST = apiRoute(requestSyncOperation, async ({ input, actor }) => {
  const { eventId } = await requestSync(input, { actor });
  return reply(202, { eventId, dryRun: input.dryRun });
});
