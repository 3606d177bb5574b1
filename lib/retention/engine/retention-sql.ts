import type { Prisma } from "@/lib/generated/prisma/client";
import type { RetentionKind } from "../retention-kinds";
import { deleteChildrenThenParents } from "./delete-children-then-parents";

type Tx = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

export type KindSql = {
  /** Tables this kind prunes (shown on the storage panel); pg-boss's are schema-qualified. */
  tables: string[];
  /** Whether the tables exist (pg-boss may be replaced); absent means nothing to prune. */
  present?: (tx: Tx) => Promise<boolean>;
  /** One batch: deletes at most batchSize rows per statement older than the cutoff ($1, epoch ms); returns rows removed, 0 when done. */
  batch: (tx: Tx, cutoffMs: number, batchSize: number) => Promise<number>;
  /** SELECT of one column `ms`: the oldest record of the kind in epoch ms, or NULL. */
  oldest: string;
};

// Prisma keeps DateTime as UTC timestamp(3); the cutoff travels as epoch ms so no session time zone shifts it.
const CUTOFF = `(to_timestamp($1::float8 / 1000) AT TIME ZONE 'UTC')`;
const ms = (expr: string) => `SELECT (extract(epoch from ${expr}) * 1000)::float8 AS ms`;
/** The oldest value of `col` over rows in `statuses`, one index probe per status. */
const oldestByStatus = (table: string, col: string, statuses: string[]) =>
  ms(
    `LEAST(${statuses.map((s) => `(SELECT min("${col}") FROM "${table}" WHERE status = '${s}')`).join(", ")})`,
  );

const JOB_RUN_DONE = ["COMPLETED", "FAILED", "CANCELLED"];
const DELIVERY_DONE = ["SUCCEEDED", "DEAD"];
const SYNC_RUN_DONE = ["SUCCEEDED", "PARTIAL", "FAILED", "REJECTED", "CANCELLED"];
const NOTIFICATION_DONE = ["SENT", "SUPPRESSED", "FAILED"];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(", ");

/** A table whose rows are pruned on their own: `where` is on alias t, and is checked again on the row deleted. */
function byAge(table: string, where: string): KindSql["batch"] {
  return (tx, cutoffMs, batchSize) =>
    tx.$executeRawUnsafe(
      `DELETE FROM "${table}" t WHERE t.id IN (SELECT t.id FROM "${table}" t WHERE ${where} LIMIT $2) AND ${where}`,
      cutoffMs,
      batchSize,
    );
}

// The engine's own tables keep timestamptz: compare them with a timestamptz cutoff.
const CUTOFF_TZ = `to_timestamp($1::float8 / 1000)`;
const LIVE_RUN = `SELECT 1 FROM "JobRun" r WHERE r.id = t."runId" AND r.status NOT IN (${list(JOB_RUN_DONE)})`;

/**
 * The executor's flow-control state no decision needs any more, one table a batch (each
 * condition repeated on the row deleted, so a key an executor touched meanwhile stays):
 * keys untouched since the cutoff whose rate-limit debt has passed and whose run (debounce,
 * batch, singleton) has ended; lapsed concurrency leases; waiters of ended runs; throttle
 * states whose theoretical arrival time has passed (equal to no row for GCRA).
 */
const pruneFlowState: KindSql["batch"] = async (tx, cutoffMs, batchSize) => {
  const keyStale = `t."updatedAt" < ${CUTOFF_TZ} AND (t.tat IS NULL OR t.tat < $1::float8)
    AND (t."runId" IS NULL OR NOT EXISTS (${LIVE_RUN}))`;
  const statements = [
    `DELETE FROM "JobFlowKey" t WHERE ("functionId", kind, key) IN (
       SELECT "functionId", kind, key FROM "JobFlowKey" t WHERE ${keyStale} LIMIT $2) AND ${keyStale}`,
    `DELETE FROM "JobFlowLease" t WHERE (key, "runId", "stepId") IN (
       SELECT key, "runId", "stepId" FROM "JobFlowLease" WHERE "leaseUntil" < ${CUTOFF_TZ} LIMIT $2)
     AND t."leaseUntil" < ${CUTOFF_TZ}`,
    `DELETE FROM "JobFlowWait" t WHERE (key, "runId", "stepId") IN (
       SELECT key, "runId", "stepId" FROM "JobFlowWait" t WHERE t.ord < ${CUTOFF_TZ} AND NOT EXISTS (${LIVE_RUN}) LIMIT $2)
     AND NOT EXISTS (${LIVE_RUN})`,
    `DELETE FROM "JobThrottle" t WHERE key IN (
       SELECT key FROM "JobThrottle" WHERE tat < ${CUTOFF_TZ} LIMIT $2) AND t.tat < ${CUTOFF_TZ}`,
  ];
  for (const sql of statements) {
    const removed = await tx.$executeRawUnsafe(sql, cutoffMs, batchSize);
    if (removed > 0) return removed;
  }
  return 0;
};

const pgBossPresent = async (tx: Tx) => {
  const [row] = await tx.$queryRawUnsafe<{ archive: string | null; job: string | null }[]>(
    `SELECT to_regclass('pgboss.archive')::text AS archive, to_regclass('pgboss.job')::text AS job`,
  );
  return !!row?.archive && !!row?.job;
};

/** How each kind is pruned, and how its oldest record is found. Live records are never matched. */
export const RETENTION_SQL: Record<RetentionKind, KindSql> = {
  jobRuns: {
    tables: ["JobRun", "JobStep"],
    batch: (tx, cutoffMs, batchSize) =>
      deleteChildrenThenParents(
        tx,
        {
          parent: "JobRun",
          child: "JobStep",
          childFk: "runId",
          prunable: `p.status IN (${list(JOB_RUN_DONE)}) AND p."endedAt" < ${CUTOFF}`,
        },
        cutoffMs,
        batchSize,
      ),
    oldest: oldestByStatus("JobRun", "endedAt", JOB_RUN_DONE),
  },
  jobEvents: {
    tables: ["JobEvent"],
    // Any status not known to be final counts as live (the executor may add states), listed from
    // the enum so the status index is used; a run's trigger is its eventId, a batch's events
    // carry their ids in "events".
    batch: (tx, cutoffMs, batchSize) =>
      tx.$executeRawUnsafe(
        `WITH live_runs AS (
           SELECT "eventId", events FROM "JobRun"
            WHERE status IN (SELECT s FROM unnest(enum_range(NULL::"JobRunStatus")) s
                              WHERE s NOT IN (${list(JOB_RUN_DONE)}))
         ), live AS (
           SELECT "eventId" AS id FROM live_runs WHERE "eventId" IS NOT NULL
           UNION
           SELECT e->>'id' FROM live_runs,
             jsonb_array_elements(CASE WHEN jsonb_typeof(events) = 'array' THEN events ELSE '[]'::jsonb END) e
         )
         DELETE FROM "JobEvent" WHERE id IN (
           SELECT ev.id FROM "JobEvent" ev
           WHERE ev."receivedAt" < ${CUTOFF} AND NOT EXISTS (SELECT 1 FROM live WHERE live.id = ev.id)
           LIMIT $2)`,
        cutoffMs,
        batchSize,
      ),
    oldest: ms(`(SELECT min("receivedAt") FROM "JobEvent")`),
  },
  jobSkips: {
    tables: ["JobSkip"],
    batch: (tx, cutoffMs, batchSize) =>
      tx.$executeRawUnsafe(
        `DELETE FROM "JobSkip" WHERE id IN (
           SELECT id FROM "JobSkip" WHERE "createdAt" < ${CUTOFF_TZ} LIMIT $2)`,
        cutoffMs,
        batchSize,
      ),
    oldest: ms(`(SELECT min("createdAt") FROM "JobSkip")`),
  },
  jobFlowState: {
    tables: ["JobFlowKey", "JobFlowLease", "JobFlowWait", "JobThrottle"],
    batch: pruneFlowState,
    oldest: ms(`(SELECT min("updatedAt") FROM "JobFlowKey")`),
  },
  queueArchive: {
    tables: ["pgboss.archive", "pgboss.job"],
    present: pgBossPresent,
    // pg-boss archives finished jobs itself; what it has archived, and finished jobs it has not
    // archived yet, go once older than the cutoff. Queued and active jobs are never touched.
    batch: async (tx, cutoffMs, batchSize) => {
      const archived = await tx.$executeRawUnsafe(
        `DELETE FROM pgboss.archive WHERE (name, id) IN (
           SELECT name, id FROM pgboss.archive WHERE archived_on < to_timestamp($1::float8 / 1000) LIMIT $2)`,
        cutoffMs,
        batchSize,
      );
      if (archived > 0) return archived;
      return tx.$executeRawUnsafe(
        `DELETE FROM pgboss.job j WHERE (j.name, j.id) IN (
           SELECT name, id FROM pgboss.job
           WHERE state IN ('completed', 'cancelled', 'failed') AND completed_on < to_timestamp($1::float8 / 1000)
           LIMIT $2)
         AND j.state IN ('completed', 'cancelled', 'failed')`,
        cutoffMs,
        batchSize,
      );
    },
    oldest: ms(`(SELECT min(archived_on) FROM pgboss.archive)`),
  },
  callbackAttempts: {
    tables: ["CallbackAttempt"],
    // A delivery still pending or retrying keeps its whole history.
    batch: (tx, cutoffMs, batchSize) =>
      tx.$executeRawUnsafe(
        `DELETE FROM "CallbackAttempt" WHERE id IN (
           SELECT a.id FROM "CallbackAttempt" a JOIN "CallbackDelivery" d ON d.id = a."deliveryId"
           WHERE a."createdAt" < ${CUTOFF} AND d.status IN (${list(DELIVERY_DONE)})
           LIMIT $2)`,
        cutoffMs,
        batchSize,
      ),
    oldest: ms(`(SELECT min("createdAt") FROM "CallbackAttempt")`),
  },
  callbackDeliveries: {
    tables: ["CallbackDelivery", "CallbackEvent"],
    batch: async (tx, cutoffMs, batchSize) => {
      const deliveries = await deleteChildrenThenParents(
        tx,
        {
          parent: "CallbackDelivery",
          child: "CallbackAttempt",
          childFk: "deliveryId",
          prunable: `p.status IN (${list(DELIVERY_DONE)}) AND p."completedAt" < ${CUTOFF}`,
        },
        cutoffMs,
        batchSize,
      );
      if (deliveries > 0) return deliveries;
      // Events no delivery references any more. SKIP LOCKED passes over an event a replay is
      // creating a delivery for right now (its foreign-key check holds the row).
      return tx.$executeRawUnsafe(
        `DELETE FROM "CallbackEvent" WHERE id IN (
           SELECT e.id FROM "CallbackEvent" e
           WHERE e."createdAt" < ${CUTOFF}
             AND NOT EXISTS (SELECT 1 FROM "CallbackDelivery" d WHERE d."eventId" = e.id)
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        cutoffMs,
        batchSize,
      );
    },
    oldest: oldestByStatus("CallbackDelivery", "completedAt", DELIVERY_DONE),
  },
  syncChanges: {
    tables: ["SyncChange"],
    batch: (tx, cutoffMs, batchSize) =>
      tx.$executeRawUnsafe(
        `DELETE FROM "SyncChange" WHERE id IN (
           SELECT c.id FROM "SyncRun" r JOIN "SyncChange" c ON c."runId" = r.id
           WHERE r.status IN (${list(SYNC_RUN_DONE)}) AND r."finishedAt" < ${CUTOFF}
           LIMIT $2)`,
        cutoffMs,
        batchSize,
      ),
    oldest: ms(
      `(SELECT min(r."startedAt") FROM "SyncRun" r WHERE EXISTS (SELECT 1 FROM "SyncChange" c WHERE c."runId" = r.id))`,
    ),
  },
  syncRuns: {
    tables: ["SyncRun"],
    batch: (tx, cutoffMs, batchSize) =>
      deleteChildrenThenParents(
        tx,
        {
          parent: "SyncRun",
          child: "SyncChange",
          childFk: "runId",
          prunable: `p.status IN (${list(SYNC_RUN_DONE)}) AND p."finishedAt" < ${CUTOFF}`,
        },
        cutoffMs,
        batchSize,
      ),
    oldest: ms(`(SELECT min("startedAt") FROM "SyncRun")`),
  },
  notificationDeliveries: {
    tables: ["NotificationDelivery"],
    batch: byAge(
      "NotificationDelivery",
      `t.status IN (${list(NOTIFICATION_DONE)}) AND t."createdAt" < ${CUTOFF}`,
    ),
    oldest: oldestByStatus("NotificationDelivery", "createdAt", NOTIFICATION_DONE),
  },
  sandboxMessages: {
    tables: ["SandboxImMessage"],
    batch: byAge("SandboxImMessage", `t."createdAt" < ${CUTOFF}`),
    oldest: ms(`(SELECT min("createdAt") FROM "SandboxImMessage")`),
  },
  apiRequestLog: {
    tables: ["ApiRequestLog"],
    batch: byAge("ApiRequestLog", `t."createdAt" < ${CUTOFF}`),
    oldest: ms(`(SELECT min("createdAt") FROM "ApiRequestLog")`),
  },
  auditLog: {
    tables: ["AuditLog"],
    batch: byAge("AuditLog", `t."createdAt" < ${CUTOFF}`),
    oldest: ms(`(SELECT min("createdAt") FROM "AuditLog")`),
  },
};
