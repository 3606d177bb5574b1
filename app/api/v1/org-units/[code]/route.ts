import { apiRoute } from "@/lib/core/api/api-route";
import { getOrgUnitOperation } from "@/lib/org/org-api-operations";
import { getOrgUnit } from "@/lib/org/queries/get-org-unit";

export const dynamic = "force-dynamic";

/** GET /api/v1/org-units/{code} — see getOrgUnitOperation. */
export const GET = apiRoute(getOrgUnitOperation, async ({ params }) => getOrgUnit(params.code));
