import { z } from "zod";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { effectiveRoles } from "@/lib/core/auth/map-roles";
import { ROLES } from "@/lib/core/auth/permissions";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { AppError, notFound } from "@/lib/core/errors";
import { checkRoleChange } from "@/lib/users/rules/check-role-change";
import { revokeUserSessions } from "./revoke-user-sessions";

export const setRoleOverrideSchema = z.object({
  userId: z.string().min(1),
  /** null clears the override: the IdP's groups decide again. */
  roles: z.array(z.enum(ROLES)).nullable(),
});
export type SetRoleOverrideInput = z.input<typeof setRoleOverrideSchema>;

/**
 * Sets or clears a user's local role override. Separation of duties
 * (lib/users/rules/check-role-change.ts) is checked against the actor's roles as
 * they are in the database now; a refused change writes nothing and is a 403.
 * The target's open sessions end, so they sign in again under the new roles.
 */
export async function setRoleOverride(input: SetRoleOverrideInput, ctx: CommandContext) {
  const { actor } = ctx;
  const { userId, roles } = setRoleOverrideSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound("User");
    const actorUser =
      actor.type === "user" ? await tx.user.findUnique({ where: { id: actor.id } }) : null;
    const after = roles
      ? { ...before, roleOverride: roles, overrideSet: true }
      : { ...before, roleOverride: [], overrideSet: false };
    const refusal = checkRoleChange({
      actor: { id: actor.id, roles: actorUser ? effectiveRoles(actorUser) : [] },
      target: { id: userId, before: effectiveRoles(before), after: effectiveRoles(after) },
    });
    if (refusal) throw new AppError(403, refusal.code, refusal.message, "roles");
    const saved = await tx.user.update({
      where: { id: userId },
      data: { roleOverride: after.roleOverride, overrideSet: after.overrideSet },
    });
    const sessionsEnded = await revokeUserSessions(tx, userId, "roles_changed");
    await recordAudit(tx, actor, {
      action: roles ? "user.roles_overridden" : "user.override_cleared",
      targetType: "user",
      targetId: userId,
      before: { roleOverride: before.roleOverride, overrideSet: before.overrideSet },
      after: { roleOverride: saved.roleOverride, overrideSet: saved.overrideSet, sessionsEnded },
    });
    return { id: saved.id };
  });
}
