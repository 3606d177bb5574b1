import { recordAudit } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";
import type { Role } from "./permissions";
import { mapRoles } from "./map-roles";

export type SignInClaims = {
  sub: string;
  email?: string | null;
  name?: string | null;
  employeeNo?: string | null;
  groups?: unknown;
};

export type SignInOptions = {
  roleMap: Record<string, Role[]>;
  /** What to do with a person who matches no Employee: let them in as EMPLOYEE, or refuse. */
  unknownUsers: "employee" | "refuse";
  ip?: string | null;
};

/**
 * Links an SSO identity to its User row (created on first sign-in) and Employee
 * record (by employee-number claim, else e-mail). Returns the user id, or null
 * when the person is refused.
 */
export async function signInUser(
  claims: SignInClaims,
  opts: SignInOptions,
): Promise<string | null> {
  const employee =
    (claims.employeeNo
      ? await db.employee.findUnique({ where: { employeeNo: claims.employeeNo } })
      : null) ??
    (claims.email
      ? await db.employee.findFirst({
          where: { email: { equals: claims.email, mode: "insensitive" } },
        })
      : null);
  if (!employee && opts.unknownUsers === "refuse") return null;
  const idpRoles = mapRoles({ groups: claims.groups, roleMap: opts.roleMap });
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { subject: claims.sub } });
    const user = await tx.user.upsert({
      where: { subject: claims.sub },
      create: {
        subject: claims.sub,
        email: claims.email,
        name: claims.name,
        idpRoles,
        employeeId: employee?.id,
        lastLoginAt: new Date(),
      },
      update: {
        email: claims.email,
        name: claims.name,
        idpRoles,
        employeeId: employee?.id ?? null,
        lastLoginAt: new Date(),
      },
    });
    await recordAudit(
      tx,
      { type: "user", id: user.id, name: user.name, ip: opts.ip },
      {
        action: before ? "user.signed_in" : "user.created",
        targetType: "user",
        targetId: user.id,
        before: before ? { idpRoles: before.idpRoles, employeeId: before.employeeId } : undefined,
        after: { idpRoles, employeeId: user.employeeId },
      },
    );
    return user.id;
  });
}
