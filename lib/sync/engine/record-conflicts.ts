import { chunk } from "@/lib/connectors/core/collect";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/db";
import type { Conflict } from "@/lib/conflicts/types";

export type RecordConflictsResult = { created: number; repeated: number };

const json = (v: unknown) =>
  v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue);

/**
 * Upserts a run's conflicts by fingerprint: new ones open, known ones count one
 * more occurrence and take the current values. Status is left alone, so an
 * ignored or resolved conflict stays so.
 */
export async function recordConflicts(
  connectionId: string,
  runId: string,
  conflicts: Conflict[],
): Promise<RecordConflictsResult> {
  const result: RecordConflictsResult = { created: 0, repeated: 0 };
  for (const batch of chunk(conflicts, 1_000)) {
    await db.$transaction(async (tx) => {
      const known = new Set(
        (
          await tx.syncConflict.findMany({
            where: { fingerprint: { in: batch.map((c) => c.fingerprint) } },
            select: { fingerprint: true },
          })
        ).map((r) => r.fingerprint),
      );
      const fresh = batch.filter((c) => !known.has(c.fingerprint));
      const repeated = batch.filter((c) => known.has(c.fingerprint));
      if (fresh.length > 0) {
        await tx.syncConflict.createMany({
          data: fresh.map((c) => ({
            fingerprint: c.fingerprint,
            type: c.type,
            connectionId,
            runId,
            subjectType: c.subjectType,
            subjectKey: c.subjectKey,
            hrValue: json(c.hrValue),
            imValue: json(c.imValue),
            detail: c.detail,
          })),
        });
      }
      if (repeated.length > 0) {
        const text = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
        await tx.$executeRaw`
          UPDATE "SyncConflict" AS s
          SET occurrences = s.occurrences + 1, "lastSeenAt" = now(), "runId" = ${runId},
              "hrValue" = l.hr::jsonb, "imValue" = l.im::jsonb, detail = l.detail
          FROM unnest(${repeated.map((c) => c.fingerprint)}::text[], ${repeated.map((c) => text(c.hrValue))}::text[],
                      ${repeated.map((c) => text(c.imValue))}::text[], ${repeated.map((c) => c.detail)}::text[]) AS l(fp, hr, im, detail)
          WHERE s.fingerprint = l.fp`;
      }
      result.created += fresh.length;
      result.repeated += repeated.length;
    });
  }
  return result;
}
