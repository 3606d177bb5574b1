import { db } from "@/lib/core/db";
import { matchAudience } from "./audience-sql";
import type { NotificationRecipientsInput } from "../notification-input-schema";

export type PreviewAudienceOptions = {
  /** Also return the matched employees' ids (costly for large audiences; default false). */
  includeIds?: boolean;
};

export type AudiencePreview = {
  /** Active employees the notification would go to (each once). */
  count: number;
  /** Their ids, when asked for. */
  employeeIds?: string[];
  /** Employee numbers that match no employee. */
  unknownEmployeeNos: string[];
  /** Employee numbers of employees who are not active (they get nothing). */
  inactiveEmployeeNos: string[];
  /** Org unit codes that match no org unit. */
  unknownOrgUnits: string[];
};

/** Who a notification to `recipients` would reach right now: the compose form's recipient preview. */
export async function previewAudience(
  recipients: NotificationRecipientsInput,
  options: PreviewAudienceOptions = {},
): Promise<AudiencePreview> {
  const match = await matchAudience(db, recipients);
  const { condition, ...unknown } = match;
  if (options.includeIds) {
    const rows = await db.$queryRaw<
      { id: string }[]
    >`SELECT e.id FROM "Employee" e WHERE ${condition} ORDER BY e."employeeNo"`;
    return { count: rows.length, employeeIds: rows.map((r) => r.id), ...unknown };
  }
  const [{ n }] = await db.$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM "Employee" e WHERE ${condition}`;
  return { count: n, ...unknown };
}
