import { apiRoute } from "@/lib/core/api/api-route";
import { notFound } from "@/lib/core/errors";
import { getSyncRun } from "@/lib/sync/queries/get-sync-run";
import { getSyncRunOperation } from "@/lib/sync/sync-api-operations";

export const dynamic = "force-dynamic";

/** GET /api/v1/sync-runs/{id} — see getSyncRunOperation. */
export const GET = apiRoute(getSyncRunOperation, async ({ params }) => {
  const run = await getSyncRun(params.id);
  if (!run) throw notFound("Sync run");
  return run;
});
