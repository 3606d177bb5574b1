import { db } from "@/lib/core/db";
import { policyFromRow } from "@/lib/notifications/rules/policy-from-row";
import type { NotificationPolicy } from "@/lib/notifications/policy-schema";
import { diffPolicies, type PolicyChange } from "../rules/diff-policies";

export type CategoryVersionView = {
  version: number;
  policy: Partial<NotificationPolicy>;
  /** Who saved it: the user's name when the id is a known user, else what was stored. */
  createdBy: string | null;
  createdAt: Date;
  /** Fields changed against the previous version (empty for the first). */
  changes: PolicyChange[];
};

/**
 * One category with its current policy (null when the stored row no longer validates, e.g. a
 * zone dropped from tz data) and its version history, newest first.
 */
export async function getCategory(key: string) {
  const row = await db.notificationCategory.findUnique({
    where: { key },
    include: { versions: { orderBy: { version: "asc" } } },
  });
  if (!row) return null;
  let policy: NotificationPolicy | null = null;
  try {
    policy = policyFromRow(row);
  } catch {
    policy = null;
  }
  const userIds = [
    ...new Set(row.versions.map((v) => v.createdBy).filter((v): v is string => !!v)),
  ];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const versions: CategoryVersionView[] = row.versions.map((v, i) => {
    const stored = (v.policy ?? {}) as Partial<NotificationPolicy>;
    const previous =
      i > 0 ? ((row.versions[i - 1].policy ?? {}) as Partial<NotificationPolicy>) : null;
    return {
      version: v.version,
      policy: stored,
      createdBy: v.createdBy ? (names.get(v.createdBy) ?? v.createdBy) : null,
      createdAt: v.createdAt,
      changes: diffPolicies(previous, stored),
    };
  });
  const { versions: _omit, ...category } = row;
  return { category, policy, versions: versions.reverse() };
}

export type CategoryDetail = NonNullable<Awaited<ReturnType<typeof getCategory>>>;
