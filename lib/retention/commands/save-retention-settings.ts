import { recordAudit, type Actor } from "@/lib/core/audit/record-audit";
import { canEdit, type Role } from "@/lib/core/auth/permissions";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { forbiddenError } from "@/lib/core/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RETENTION_SETTING_KEY } from "../retention-kinds";
import { retentionSettingsSchema, type RetentionSettings } from "../retention-settings-schema";

/** The caller and the roles they hold: retention is an IT admin's setting. */
export type RetentionActor = Actor & { roles: readonly Role[] };

/**
 * Stores the admin's retention per kind (null = the default), audited with before and after.
 * Refused before anything is written when the caller may not change job settings or a value is
 * out of bounds (naming the kind).
 */
export async function saveRetentionSettings(
  raw: unknown,
  ctx: CommandContext<RetentionActor>,
): Promise<RetentionSettings> {
  const { actor } = ctx;
  if (!canEdit(actor.roles, "jobs"))
    throw forbiddenError("Only an IT admin may change how long records are kept.");
  const input = retentionSettingsSchema.parse(raw);
  // Only the kinds the admin set are stored, so a changed default reaches the others.
  const value = Object.fromEntries(
    Object.entries(input).filter(([, days]) => days !== null),
  ) as Prisma.InputJsonObject;
  await inTransaction(ctx, async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: RETENTION_SETTING_KEY } });
    await tx.setting.upsert({
      where: { key: RETENTION_SETTING_KEY },
      create: { key: RETENTION_SETTING_KEY, value, updatedBy: actor.id },
      update: { value, updatedBy: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "retention.settings_updated",
      targetType: "setting",
      targetId: RETENTION_SETTING_KEY,
      before: before?.value ?? null,
      after: value,
    });
  });
  return input;
}
