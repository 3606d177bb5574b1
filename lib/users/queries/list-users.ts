import { db } from "@/lib/core/db";

/** Every user who has signed in, most recent first, with the employee number they are linked to. */
export function listUsers() {
  return db.user.findMany({
    orderBy: { lastLoginAt: "desc" },
    include: { employee: { select: { employeeNo: true } } },
  });
}
