import { connectorForConnection } from "@/lib/connections/queries/connector-for-connection";
import type { ConnectorRuntimeOptions, HrSource, ImTarget } from "@/lib/connectors";
import { db } from "@/lib/core/db";

export type OpenedImTarget = { connectionId: string; name: string; target: ImTarget };
export type OpenedHrSource = { connectionId: string; name: string; source: HrSource };

async function loadRow(connectionId: string, kind: "IM_TARGET" | "HR_SOURCE") {
  // lib/core/db omits the ciphertext by default; the connector needs it.
  const row = await db.connection.findUnique({
    where: { id: connectionId },
    omit: { secretsCipher: false },
  });
  if (!row) throw new Error(`Connection ${connectionId} not found`);
  if (row.kind !== kind)
    throw new Error(`Connection ${connectionId} is a ${row.kind}, not a ${kind}`);
  if (!row.enabled) throw new Error(`Connection ${row.name} is disabled`);
  return row;
}

/** The live IM connector of an enabled IM_TARGET connection. */
export async function openImTarget(
  connectionId: string,
  runtime?: ConnectorRuntimeOptions,
): Promise<OpenedImTarget> {
  const row = await loadRow(connectionId, "IM_TARGET");
  return {
    connectionId,
    name: row.name,
    target: connectorForConnection({ ...row, kind: "IM_TARGET" }, runtime),
  };
}

/** The live HR connector of an enabled HR_SOURCE connection. */
export async function openHrSource(
  connectionId: string,
  runtime?: ConnectorRuntimeOptions,
): Promise<OpenedHrSource> {
  const row = await loadRow(connectionId, "HR_SOURCE");
  return {
    connectionId,
    name: row.name,
    source: connectorForConnection({ ...row, kind: "HR_SOURCE" }, runtime),
  };
}
