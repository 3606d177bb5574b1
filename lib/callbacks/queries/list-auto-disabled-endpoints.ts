import { db } from "@/lib/core/db";

/** Endpoints the engine switched off (continuous failure or 410 Gone), for the console banner. */
export async function listAutoDisabledEndpoints(): Promise<
  { id: string; name: string; disabledReason: string | null; updatedAt: Date }[]
> {
  return db.callbackEndpoint.findMany({
    where: { enabled: false, disabledKind: { in: ["GONE_410", "AUTO_FAILING"] } },
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, disabledReason: true, updatedAt: true },
  });
}
