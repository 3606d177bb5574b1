import { recordAudit } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";

export type PruneSummary = Record<string, { removed: number; complete: boolean; error?: string }>;

const RETENTION_ACTOR = { type: "system" as const, id: "retention", name: "Retention" };

/** One audit row per maintenance run: what retention removed, kind by kind, and what failed. */
export async function recordPruneAudit(summary: PruneSummary): Promise<void> {
  await db.$transaction((tx) =>
    recordAudit(tx, RETENTION_ACTOR, {
      action: "retention.pruned",
      targetType: "retention",
      after: summary,
    }),
  );
}
