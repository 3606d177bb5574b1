import { db } from "@/lib/core/db";

export type SyncTargets = {
  /** The HR source a manual sync pulls first: the first enabled one. */
  hrConnection: { id: string; name: string } | null;
  /** Enabled IM targets, oldest first. */
  imTargets: { id: string; name: string; provider: string }[];
};

/** What the console may sync: enabled IM targets and the HR source they pull from. */
export async function listSyncTargets(): Promise<SyncTargets> {
  const [hrConnection, imTargets] = await Promise.all([
    db.connection.findFirst({
      where: { kind: "HR_SOURCE", enabled: true },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true },
    }),
    db.connection.findMany({
      where: { kind: "IM_TARGET", enabled: true },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, provider: true },
    }),
  ]);
  return { hrConnection, imTargets };
}
