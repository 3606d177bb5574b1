import { imProviders, isImProvider, type ImCapabilities } from "@/lib/connectors";
import { db } from "@/lib/core/db";

export type NotifyTarget = {
  connectionId: string;
  name: string;
  provider: string;
  capabilities: ImCapabilities | null;
};

/**
 * The IM target notifications go through: the first enabled IM_TARGET connection (by creation),
 * the same one the nightly sync pairs first. null when none is configured.
 */
export async function findNotifyTarget(): Promise<NotifyTarget | null> {
  const row = await db.connection.findFirst({
    where: { kind: "IM_TARGET", enabled: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, provider: true },
  });
  if (!row) return null;
  return {
    connectionId: row.id,
    name: row.name,
    provider: row.provider,
    capabilities: isImProvider(row.provider) ? imProviders[row.provider].capabilities : null,
  };
}
