import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { invalid, notFound } from "@/lib/core/errors";
import type { NotificationCategory, Prisma } from "@/lib/generated/prisma/client";
import { policyFromRow } from "@/lib/notifications/rules/policy-from-row";
import { policyToRow } from "@/lib/notifications/rules/policy-to-row";
import type { NotificationPolicy } from "@/lib/notifications/policy-schema";
import { categoryInputSchema } from "../category-input-schema";
import { firstIssueError } from "../rules/first-issue-error";
import { isUniqueViolation } from "../rules/unique-violation";

const duplicateKey = (key: string) =>
  invalid("key", `A category with the key "${key}" already exists; choose another key.`);

function parsePolicy(input: unknown): NotificationPolicy {
  const parsed = categoryInputSchema.safeParse(input);
  if (!parsed.success) throw firstIssueError(parsed.error);
  return parsed.data;
}

async function writeVersion(
  {
    categoryId,
    version,
    policy,
  }: { categoryId: string; version: number; policy: NotificationPolicy },
  { actor, tx }: Required<CommandContext>,
) {
  await tx.notificationCategoryVersion.create({
    data: {
      categoryId,
      version,
      policy: policy as unknown as Prisma.InputJsonValue,
      createdBy: actor.id,
    },
  });
}

/** Creates a category at version 1 with its first version row, audited, in one transaction. Bad input → 422 naming the field. */
export async function createCategory(
  input: unknown,
  ctx: CommandContext,
): Promise<NotificationCategory> {
  const { actor } = ctx;
  const policy = parsePolicy(input);
  try {
    return await inTransaction(ctx, async (tx) => {
      if (
        await tx.notificationCategory.findUnique({
          where: { key: policy.key },
          select: { id: true },
        })
      )
        throw duplicateKey(policy.key);
      const category = await tx.notificationCategory.create({
        data: { ...policyToRow(policy), version: 1 },
      });
      await writeVersion({ categoryId: category.id, version: 1, policy }, { actor, tx });
      await recordAudit(tx, actor, {
        action: "notification_category.created",
        targetType: "notification_category",
        targetId: category.id,
        after: { version: 1, ...policy },
      });
      return category;
    });
  } catch (err) {
    if (isUniqueViolation(err, "key")) throw duplicateKey(policy.key);
    throw err;
  }
}

/**
 * Replaces a category's policy: bumps `version` and stores the new version row, so notifications
 * sent earlier keep the policy they were sent under. Saving an identical policy changes nothing.
 */
export async function updateCategory(
  { id, policy: input }: { id: string; policy: unknown },
  ctx: CommandContext,
): Promise<NotificationCategory> {
  const { actor } = ctx;
  const policy = parsePolicy(input);
  try {
    return await inTransaction(ctx, async (tx) => {
      // Row lock: two editors saving at once get consecutive versions, not a unique violation.
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "NotificationCategory" WHERE id = ${id} FOR UPDATE`;
      if (locked.length === 0) throw notFound("Notification category");
      const existing = await tx.notificationCategory.findUniqueOrThrow({ where: { id } });
      if (
        policy.key !== existing.key &&
        (await tx.notificationCategory.findUnique({
          where: { key: policy.key },
          select: { id: true },
        }))
      ) {
        throw duplicateKey(policy.key);
      }
      const before = safePolicy(existing);
      if (before && JSON.stringify(policyToRow(before)) === JSON.stringify(policyToRow(policy)))
        return existing;
      const version = existing.version + 1;
      const category = await tx.notificationCategory.update({
        where: { id },
        data: { ...policyToRow(policy), version },
      });
      await writeVersion({ categoryId: id, version, policy }, { actor, tx });
      await recordAudit(tx, actor, {
        action: "notification_category.updated",
        targetType: "notification_category",
        targetId: id,
        before: { version: existing.version, ...(before ?? {}) },
        after: { version, ...policy },
      });
      return category;
    });
  } catch (err) {
    if (isUniqueViolation(err, "key")) throw duplicateKey(policy.key);
    throw err;
  }
}

/** Archives (or, with `archived: false`, restores) a category: archived ones accept no new notifications. Audited. */
export async function archiveCategory(
  { id, archived = true }: { id: string; archived?: boolean },
  ctx: CommandContext,
): Promise<NotificationCategory> {
  const { actor } = ctx;
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.notificationCategory.findUnique({ where: { id } });
    if (!existing) throw notFound("Notification category");
    if (existing.archived === archived) return existing;
    const category = await tx.notificationCategory.update({ where: { id }, data: { archived } });
    await recordAudit(tx, actor, {
      action: archived ? "notification_category.archived" : "notification_category.restored",
      targetType: "notification_category",
      targetId: id,
      before: { key: existing.key, archived: existing.archived },
      after: { key: existing.key, archived },
    });
    return category;
  });
}

function safePolicy(row: NotificationCategory): NotificationPolicy | null {
  try {
    return policyFromRow(row);
  } catch {
    return null;
  }
}
