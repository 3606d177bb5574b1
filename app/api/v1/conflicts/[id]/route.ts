import { apiRoute } from "@/lib/core/api/api-route";
import { getConflictOperation } from "@/lib/conflicts/conflicts-api-operations";
import { getConflict } from "@/lib/conflicts/queries/get-conflict";

export const dynamic = "force-dynamic";

/** GET /api/v1/conflicts/{id} — see getConflictOperation. */
export const GET = apiRoute(getConflictOperation, async ({ params }) => getConflict(params.id));
