import { db } from "@/lib/core/db";
import { disabledKind } from "../rules/disabled-kind";

/** Endpoints the engine switched off (continuous failure or 410 Gone), for the console banner. */
export async function listAutoDisabledEndpoints(): Promise<
  { id: string; name: string; disabledReason: string | null; updatedAt: Date }[]
> {
  const off = await db.callbackEndpoint.findMany({
    where: { enabled: false },
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, enabled: true, disabledReason: true, updatedAt: true },
  });
  return off
    .filter((e) => disabledKind(e) !== "manual")
    .map(({ id, name, disabledReason, updatedAt }) => ({ id, name, disabledReason, updatedAt }));
}
