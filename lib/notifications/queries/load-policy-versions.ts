import { db } from "@/lib/core/db";
import type { NotificationPolicy } from "@/lib/notifications/policy-schema";

/** Stored policies by "categoryId:version", for explaining deliveries under the version they used. */
export async function loadPolicyVersions(
  pairs: { categoryId: string; version: number }[],
): Promise<Map<string, Partial<NotificationPolicy>>> {
  const unique = [...new Map(pairs.map((p) => [`${p.categoryId}:${p.version}`, p])).values()];
  if (unique.length === 0) return new Map();
  const rows = await db.notificationCategoryVersion.findMany({
    where: { OR: unique.map((p) => ({ categoryId: p.categoryId, version: p.version })) },
    select: { categoryId: true, version: true, policy: true },
  });
  return new Map(
    rows.map((r) => [
      `${r.categoryId}:${r.version}`,
      (r.policy ?? {}) as Partial<NotificationPolicy>,
    ]),
  );
}
