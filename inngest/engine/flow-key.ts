import { createHash } from "node:crypto";
import type { PoolClient } from "pg";
import { evaluateKey } from "./expression";
import { ulid } from "./ids";
import type { ExecEvent } from "./types";

/** One row of shared flow-control state, locked until the caller's transaction ends. */
export interface FlowKeyRow {
  runId: string | null;
  tat: number | null;
  firstAt: number | null;
}

/** The evaluated key of a flow option for an event ("" when the option has no key). */
export function flowKey(source: string | undefined, evt: ExecEvent): string {
  // A key whose value is missing groups with other missing ones, as a null would hash alike.
  const key = source ? (evaluateKey(source, { event: evt }) ?? "null") : "";
  // Event data is the sender's: a huge value would overflow the primary-key index entry.
  return key.length > 200 ? `sha256:${createHash("sha256").update(key).digest("hex")}` : key;
}

/**
 * Creates or locks the (function, kind, key) row. The upsert takes the row lock, so a
 * second executor deciding for the same key waits for this transaction's commit.
 */
export async function lockFlowKey(
  c: PoolClient,
  functionId: string,
  kind: string,
  key: string,
): Promise<FlowKeyRow> {
  const { rows } = await c.query<{
    runId: string | null;
    tat: string | null;
    firstAt: string | null;
  }>(
    `INSERT INTO "JobFlowKey" ("functionId", kind, key) VALUES ($1, $2, $3)
     ON CONFLICT ("functionId", kind, key) DO UPDATE SET "updatedAt" = now()
     RETURNING "runId", tat, "firstAt"`,
    [functionId, kind, key],
  );
  const r = rows[0];
  return {
    runId: r.runId,
    tat: r.tat === null ? null : Number(r.tat),
    firstAt: r.firstAt === null ? null : Number(r.firstAt),
  };
}

/** Writes the state back (still under the lock). */
export async function saveFlowKey(
  c: PoolClient,
  functionId: string,
  kind: string,
  key: string,
  row: FlowKeyRow,
): Promise<void> {
  await c.query(
    `UPDATE "JobFlowKey" SET "runId" = $4, tat = $5, "firstAt" = $6, "updatedAt" = now()
     WHERE "functionId" = $1 AND kind = $2 AND key = $3`,
    [functionId, kind, key, row.runId, row.tat, row.firstAt],
  );
}

/** Records an event that flow control let start no run, so the console can count it. */
export async function recordSkip(
  c: PoolClient,
  functionId: string,
  eventId: string,
  reason: "rate-limited" | "singleton" | "idempotent",
  key: string,
): Promise<void> {
  await c.query(
    `INSERT INTO "JobSkip" (id, "functionId", "eventId", reason, key) VALUES ($1, $2, $3, $4, $5)`,
    [ulid(), functionId, eventId, reason, key],
  );
}
