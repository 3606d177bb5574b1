import { apiRoute } from "@/lib/core/api/api-route";
import { listEmployeesOperation } from "@/lib/org/org-api-operations";
import { listEmployees } from "@/lib/org/queries/list-employees";

export const dynamic = "force-dynamic";

/** GET /api/v1/employees — see listEmployeesOperation. */
export const GET = apiRoute(listEmployeesOperation, async ({ query }) =>
  listEmployees({
    cursor: query.cursor,
    limit: query.limit,
    status: query.status,
    orgUnitCode: query.orgUnit,
    includeDescendants: query.includeDescendants,
    updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
    email: query.email,
  }),
);
