import { apiRoute } from "@/lib/core/api/api-route";
import { listConflictsOperation } from "@/lib/conflicts/conflicts-api-operations";
import { listConflicts } from "@/lib/conflicts/queries/list-conflicts";

export const dynamic = "force-dynamic";

/** GET /api/v1/conflicts — see listConflictsOperation. */
export const GET = apiRoute(listConflictsOperation, async ({ query }) => {
  const { status, type, connectionId, q, cursor, limit } = query;
  const result = await listConflicts(
    { status: status === "ALL" ? undefined : status, type, connectionId, q, page: 1 },
    { cursor, limit },
  );
  return { items: result.conflicts, nextCursor: result.nextCursor, total: result.total };
});
