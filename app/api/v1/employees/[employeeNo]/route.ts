import { apiRoute } from "@/lib/core/api/api-route";
import { getEmployeeOperation } from "@/lib/org/org-api-operations";
import { loadEmployeeDetail } from "@/lib/org/queries/load-employee-detail";

export const dynamic = "force-dynamic";

/** GET /api/v1/employees/{employeeNo} — see getEmployeeOperation (the console's employee page query). */
export const GET = apiRoute(getEmployeeOperation, async ({ params }) =>
  loadEmployeeDetail(params.employeeNo),
);
