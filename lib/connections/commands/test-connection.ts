import {
  isConnectorError,
  type ConnectionTestResult,
  type ConnectorRuntimeOptions,
} from "@/lib/connectors";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { db } from "@/lib/core/db";
import { invalid, notFound } from "@/lib/core/errors";
import { connectorForConnection } from "../queries/connector-for-connection";

export type TestConnectionOptions = {
  /** Connector plumbing; defaults keep a console test short (two attempts, 10 s per request). */
  runtime?: ConnectorRuntimeOptions;
};

export type TestConnectionOutcome = ConnectionTestResult & {
  health: "HEALTHY" | "FAILING";
  checkedAt: Date;
};

// Someone is waiting on the button: fail fast rather than run the sync engine's full backoff.
const CONSOLE_RUNTIME: ConnectorRuntimeOptions = {
  retry: { maxAttempts: 2, baseDelayMs: 250 },
  timeoutMs: 10_000,
};

async function probe(
  row: Parameters<typeof connectorForConnection>[0],
  runtime: ConnectorRuntimeOptions,
): Promise<ConnectionTestResult> {
  try {
    return await connectorForConnection(row, runtime).testConnection();
  } catch (err) {
    // Building the connector failed: stored config/secrets no longer valid, or secrets not decryptable.
    if (isConnectorError(err))
      return { ok: false, code: err.code, message: err.message, latencyMs: 0 };
    console.error("[test-connection]", err instanceof Error ? err.name : err);
    return {
      ok: false,
      code: "secrets_unreadable",
      message:
        "The stored secrets could not be decrypted with ORGBRIDGE_SECRET_KEY; enter them again.",
      latencyMs: 0,
    };
  }
}

/**
 * Calls the platform with the stored config and secrets, records the outcome as
 * the connection's health (with the platform's code on failure) and audits it.
 */
export async function testConnection(
  { id }: { id: string },
  ctx: CommandContext,
  options: TestConnectionOptions = {},
): Promise<TestConnectionOutcome> {
  const row = await (ctx.tx ?? db).connection.findUnique({
    where: { id },
    omit: { secretsCipher: false },
  });
  if (!row) throw notFound("Connection");
  // A SCIM inbound connection is called by its client; there is nothing for OrgBridge to call.
  if (row.kind === "SCIM_INBOUND")
    throw invalid(
      "id",
      "A SCIM inbound connection has no endpoint to test; its client calls OrgBridge.",
    );
  const result = await probe(
    { ...row, kind: row.kind },
    { ...CONSOLE_RUNTIME, ...options.runtime },
  );
  const health = result.ok ? "HEALTHY" : "FAILING";
  const checkedAt = new Date();
  await inTransaction(ctx, async (tx) => {
    await tx.connection.update({
      where: { id },
      data: {
        health,
        healthMessage: result.code ? `[${result.code}] ${result.message}` : result.message,
        lastCheckedAt: checkedAt,
      },
    });
    await recordAudit(tx, ctx.actor, {
      action: "connection.tested",
      targetType: "connection",
      targetId: id,
      after: {
        name: row.name,
        ok: result.ok,
        code: result.code ?? null,
        message: result.message,
        latencyMs: result.latencyMs,
      },
    });
  });
  return { ...result, health, checkedAt };
}
