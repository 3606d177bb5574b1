import { db } from "@/lib/core/db";
import type { ConnectionKind } from "../save-connection-schema";

/** What the console shows of a connection: never its secrets, not even whether they are set. */
export type ConnectionSummary = {
  id: string;
  kind: ConnectionKind;
  provider: string;
  name: string;
  enabled: boolean;
  config: Record<string, unknown>;
  health: "UNKNOWN" | "HEALTHY" | "DEGRADED" | "FAILING";
  healthMessage: string | null;
  lastCheckedAt: Date | null;
  /** Rows deleted with the connection (cascade). */
  dependents: { mappings: number; syncRuns: number; imGroups: number; imAccounts: number };
};

/** All pull and target connections, HR sources first, by name (SCIM inbound ones: lib/scim). */
export async function listConnections(): Promise<ConnectionSummary[]> {
  const rows = await db.connection.findMany({
    where: { kind: { in: ["HR_SOURCE", "IM_TARGET"] } },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    include: {
      _count: { select: { mappings: true, syncRuns: true, imGroups: true, imAccounts: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as ConnectionKind,
    provider: row.provider,
    name: row.name,
    enabled: row.enabled,
    config:
      row.config && typeof row.config === "object" && !Array.isArray(row.config)
        ? (row.config as Record<string, unknown>)
        : {},
    health: row.health,
    healthMessage: row.healthMessage,
    lastCheckedAt: row.lastCheckedAt,
    dependents: row._count,
  }));
}
