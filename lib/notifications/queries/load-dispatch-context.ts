import { db } from "@/lib/core/db";
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { policyFromRow } from "@/lib/notifications/rules/policy-from-row";
import {
  notificationPolicySchema,
  type NotificationPolicy,
} from "@/lib/notifications/policy-schema";
import { loadCompanyTimeZone } from "@/lib/core/time/load-company-time-zone";
import { findNotifyTarget, type NotifyTarget } from "./find-notify-target";

export type DispatchContext = {
  notification: {
    id: string;
    title: string;
    body: string;
    link: string | null;
    status: NotificationStatus;
    categoryId: string;
    categoryKey: string;
    categoryVersion: number;
  };
  /** The policy of the category version the notification was accepted under (history is not rewritten). */
  policy: NotificationPolicy;
  target: NotifyTarget | null;
  companyTimeZone: string;
};

/** Everything a dispatch step needs about one notification; throws when it does not exist. */
export async function loadDispatchContext(notificationId: string): Promise<DispatchContext> {
  const n = await db.notification.findUnique({
    where: { id: notificationId },
    include: { category: true },
  });
  if (!n) throw new Error(`Notification ${notificationId} not found`);
  const version = await db.notificationCategoryVersion.findUnique({
    where: { categoryId_version: { categoryId: n.categoryId, version: n.categoryVersion } },
    select: { policy: true },
  });
  let policy: NotificationPolicy;
  if (version) policy = notificationPolicySchema.parse(version.policy);
  else if (n.category.version === n.categoryVersion) policy = policyFromRow(n.category);
  else throw new Error(`Category ${n.category.key} has no stored version ${n.categoryVersion}`);
  return {
    notification: {
      id: n.id,
      title: n.title,
      body: n.body,
      link: n.link,
      status: n.status,
      categoryId: n.categoryId,
      categoryKey: n.category.key,
      categoryVersion: n.categoryVersion,
    },
    policy,
    target: await findNotifyTarget(),
    companyTimeZone: await loadCompanyTimeZone(),
  };
}
