import { apiRoute } from "@/lib/core/api/api-route";
import { AppError } from "@/lib/core/errors";
import { resolveConflictOperation } from "@/lib/conflicts/conflicts-api-operations";
import { resolveConflict } from "@/lib/conflicts/commands/resolve-conflicts";
import { getConflict } from "@/lib/conflicts/queries/get-conflict";

export const dynamic = "force-dynamic";

/** POST /api/v1/conflicts/{id}/resolve — see resolveConflictOperation. */
export const POST = apiRoute(resolveConflictOperation, async ({ params, input, actor }) => {
  const conflict = await getConflict(params.id);
  // Releasing a held destructive run stays a person's decision in the console.
  if (conflict.type === "deletion_threshold")
    throw new AppError(
      409,
      "approval_required",
      "A held sync run is approved or rejected by a person in the console, not over the API.",
      "id",
    );
  return resolveConflict({ conflictId: params.id, ...input }, { actor });
});
