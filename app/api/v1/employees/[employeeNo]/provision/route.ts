import { apiRoute } from "@/lib/core/api/api-route";
import { provisionEmployee } from "@/lib/sync/commands/provision-employee";
import { provisionEmployeeOperation } from "@/lib/sync/sync-api-operations";

export const dynamic = "force-dynamic";

/** POST /api/v1/employees/{employeeNo}/provision — see provisionEmployeeOperation. */
export const POST = apiRoute(provisionEmployeeOperation, async ({ params, input, actor }) =>
  provisionEmployee({ employeeNo: params.employeeNo, ...input }, { actor }),
);
