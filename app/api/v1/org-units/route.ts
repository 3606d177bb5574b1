import { apiRoute } from "@/lib/core/api/api-route";
import { listOrgUnitsOperation } from "@/lib/org/org-api-operations";
import { listOrgUnits } from "@/lib/org/queries/list-org-units";

export const dynamic = "force-dynamic";

/** GET /api/v1/org-units — see listOrgUnitsOperation. */
export const GET = apiRoute(listOrgUnitsOperation, async ({ query }) => listOrgUnits(query));
