import { apiRoute } from "@/lib/core/api/api-route";
import { getEmployeeOperation } from "@/lib/org/org-api-operations";
import { getEmployee } from "@/lib/org/queries/get-employee";

export const dynamic = "force-dynamic";

/** GET /api/v1/employees/{employeeNo} — see getEmployeeOperation. */
export const GET = apiRoute(getEmployeeOperation, async ({ params }) =>
  getEmployee(params.employeeNo),
);
