import { db } from "@/lib/core/db";
import type { DeliveryUpdate } from "../rules/decide-recipients";

const CHUNK = 10_000;

/**
 * Writes many delivery outcomes with one UPDATE … FROM unnest(…) per 10k rows. Times travel as ISO
 * text cast to timestamp(3), which drops the "Z" and keeps the UTC wall time Prisma stores.
 */
export async function writeDeliveryUpdates(
  updates: readonly DeliveryUpdate[],
  now = new Date(),
): Promise<void> {
  for (let i = 0; i < updates.length; i += CHUNK) {
    const part = updates.slice(i, i + CHUNK);
    await db.$executeRaw`
      UPDATE "NotificationDelivery" AS d
      SET status = v.status::"DeliveryStatus",
          reason = v.reason,
          "deferredUntil" = COALESCE(v.until::timestamp(3), d."deferredUntil"),
          error = v.error,
          "updatedAt" = ${now.toISOString()}::timestamp(3)
      FROM unnest(
        ${part.map((u) => u.id)}::text[],
        ${part.map((u) => u.status)}::text[],
        ${part.map((u) => u.reason)}::text[],
        ${part.map((u) => u.deferredUntil?.toISOString() ?? null)}::text[],
        ${part.map((u) => u.error)}::text[]
      ) AS v(id, status, reason, until, error)
      WHERE d.id = v.id`;
  }
}
