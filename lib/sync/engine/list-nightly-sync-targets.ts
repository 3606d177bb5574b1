import { db } from "@/lib/core/db";

export type NightlySyncTargets = { hrConnectionId: string | null; connectionIds: string[] };

/** Every enabled IM target, paired with the first enabled HR source (by creation). */
export async function listNightlySyncTargets(): Promise<NightlySyncTargets> {
  const hr = await db.connection.findFirst({
    where: { kind: "HR_SOURCE", enabled: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const targets = await db.connection.findMany({
    where: { kind: "IM_TARGET", enabled: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return { hrConnectionId: hr?.id ?? null, connectionIds: targets.map((t) => t.id) };
}
