import { db } from "@/lib/core/db";

/** What HR knows about one employee, and their IM accounts. Only ever called with the signed-in user's own employee id. */
export async function getMyProfile(employeeId: string) {
  return db.employee.findUnique({
    where: { id: employeeId },
    include: {
      orgUnit: { select: { name: true, nameEn: true, path: true } },
      manager: { select: { name: true, nameEn: true } },
      imAccounts: {
        select: {
          imUserId: true,
          state: true,
          updatedAt: true,
          connection: { select: { name: true, provider: true } },
        },
      },
    },
  });
}
