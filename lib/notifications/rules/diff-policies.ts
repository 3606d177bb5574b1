import type { NotificationPolicy } from "@/lib/notifications/policy-schema";

/** One changed field between two versions, values already flattened to display strings. */
export type PolicyChange = { field: PolicyField; before: string; after: string };

export const POLICY_FIELDS = [
  "nameZh",
  "nameEn",
  "descriptionZh",
  "descriptionEn",
  "mandatory",
  "urgent",
  "defaultOptIn",
  "quietHours.enabled",
  "quietHours.start",
  "quietHours.end",
  "quietHours.weekdays",
  "quietHours.timeZone",
  "quietAction",
  "channel",
  "fallbackChannel",
  "throttlePerDay",
  "throttleAction",
] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

function read(policy: Partial<NotificationPolicy>, field: PolicyField): unknown {
  if (field.startsWith("quietHours.")) {
    const q = policy.quietHours as Record<string, unknown> | undefined;
    return q?.[field.slice("quietHours.".length)];
  }
  return (policy as Record<string, unknown>)[field];
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return [...value].sort().join(",");
  return String(value);
}

/**
 * The fields that differ between an older and a newer stored policy, in form order. Stored
 * versions are JSON and may predate a field, so both sides are read leniently.
 */
export function diffPolicies(
  before: Partial<NotificationPolicy> | null,
  after: Partial<NotificationPolicy>,
): PolicyChange[] {
  if (!before) return [];
  const changes: PolicyChange[] = [];
  for (const field of POLICY_FIELDS) {
    const a = show(read(before, field));
    const b = show(read(after, field));
    if (a !== b) changes.push({ field, before: a, after: b });
  }
  return changes;
}
