import { recordAudit, type Actor } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { AppError, forbiddenError, invalid } from "@/lib/core/errors";
import { setPreferenceSchema } from "../console-schemas";

/** Who is asking: the signed-in user and the employee their sign-in is linked to. */
export type PreferenceActor = Actor & { employeeId: string | null };

/**
 * An employee opts in or out of one optional category. Only their own preference (the employee
 * linked to their sign-in); mandatory and archived categories are refused with nothing written.
 * Upserts the preference and audits the change in one transaction.
 */
export async function setPreference(
  {
    employeeId,
    categoryKey,
    optedIn,
  }: { employeeId: string; categoryKey: string; optedIn: boolean },
  ctx: CommandContext<PreferenceActor>,
) {
  const { actor } = ctx;
  const input = setPreferenceSchema.parse({ categoryKey, optedIn });
  if (!actor.employeeId || actor.employeeId !== employeeId) {
    throw forbiddenError("You can only change your own notification preferences.");
  }
  return inTransaction(ctx, async (tx) => {
    const category = await tx.notificationCategory.findUnique({
      where: { key: input.categoryKey },
      select: { id: true, key: true, mandatory: true, archived: true },
    });
    if (!category || category.archived)
      throw new AppError(
        404,
        "not_found",
        `Notification category "${input.categoryKey}" not found.`,
        "categoryKey",
      );
    if (category.mandatory) {
      throw invalid(
        "optedIn",
        `"${category.key}" is mandatory: HR requires everyone to receive it, so it cannot be turned off or on.`,
      );
    }
    const existing = await tx.notificationPreference.findUnique({
      where: { employeeId_categoryId: { employeeId, categoryId: category.id } },
      select: { optedIn: true },
    });
    const saved = await tx.notificationPreference.upsert({
      where: { employeeId_categoryId: { employeeId, categoryId: category.id } },
      create: { employeeId, categoryId: category.id, optedIn: input.optedIn },
      update: { optedIn: input.optedIn },
      select: { optedIn: true, updatedAt: true },
    });
    // "category" rather than "categoryKey": the audit log redacts fields ending in "key".
    await recordAudit(tx, actor, {
      action: "notification_preference.updated",
      targetType: "employee",
      targetId: employeeId,
      before: { category: category.key, optedIn: existing?.optedIn ?? null },
      after: { category: category.key, optedIn: saved.optedIn },
    });
    return {
      categoryKey: category.key,
      optedIn: saved.optedIn,
      updatedAt: saved.updatedAt.toISOString(),
    };
  });
}
