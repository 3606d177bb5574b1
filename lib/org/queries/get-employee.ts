import { db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { employeeListSelect } from "./list-employees";

/** One employee by employee number, with the IM accounts OrgBridge keeps for them. */
export async function getEmployee(employeeNo: string) {
  const row = await db.employee.findUnique({
    where: { employeeNo },
    select: {
      ...employeeListSelect,
      mobile: true,
      imAccounts: {
        orderBy: { createdAt: "asc" },
        select: {
          imUserId: true,
          state: true,
          lastError: true,
          updatedAt: true,
          connection: { select: { id: true, name: true, provider: true } },
        },
      },
    },
  });
  if (!row) throw notFound("Employee");
  const { orgUnit, manager, imAccounts, ...e } = row;
  return {
    ...e,
    orgUnitCode: orgUnit?.code ?? null,
    managerEmployeeNo: manager?.employeeNo ?? null,
    imAccounts: imAccounts.map(({ connection, ...a }) => ({
      ...a,
      connectionId: connection.id,
      connectionName: connection.name,
      platform: connection.provider,
    })),
  };
}
