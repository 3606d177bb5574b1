import { z } from "zod";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { ROLES } from "@/lib/core/auth/permissions";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { AppError, notFound } from "@/lib/core/errors";

export const setRoleOverrideSchema = z.object({
  userId: z.string().min(1),
  /** null clears the override: the IdP's groups decide again. */
  roles: z.array(z.enum(ROLES)).nullable(),
});
export type SetRoleOverrideInput = z.input<typeof setRoleOverrideSchema>;

export async function setRoleOverride(input: SetRoleOverrideInput, ctx: CommandContext) {
  const { actor } = ctx;
  const { userId, roles } = setRoleOverrideSchema.parse(input);
  // An admin removing their own IT role would lock everyone out of this page.
  if (userId === actor.id && roles && !roles.includes("IT_ADMIN")) {
    throw new AppError(422, "self_lockout", "You cannot remove your own IT admin role.", "roles");
  }
  return inTransaction(ctx, async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound("User");
    const after = await tx.user.update({
      where: { id: userId },
      data: roles
        ? { roleOverride: roles, overrideSet: true }
        : { roleOverride: [], overrideSet: false },
    });
    await recordAudit(tx, actor, {
      action: roles ? "user.roles_overridden" : "user.override_cleared",
      targetType: "user",
      targetId: userId,
      before: { roleOverride: before.roleOverride, overrideSet: before.overrideSet },
      after: { roleOverride: after.roleOverride, overrideSet: after.overrideSet },
    });
    return { id: after.id };
  });
}
