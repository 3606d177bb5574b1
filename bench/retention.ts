// Retention prune throughput on a big step table, and whether writers are held up meanwhile.
// Seeds BENCH_RUNS finished runs × BENCH_STEPS_PER_RUN steps (default 250k × 4 = 1M step rows)
// older than the cutoff plus live runs, then prunes "jobRuns" with the production batch size
// while another connection keeps inserting runs and steps; compares that writer's latency with
// its latency before the prune. Embedded PostgreSQL unless DATABASE_URL is set.
// Run: node --import tsx bench/retention.ts

import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openBenchDatabase } from "./lib/bench-database";

const RUNS = Number(process.env.BENCH_RUNS ?? 250_000);
const STEPS_PER_RUN = Number(process.env.BENCH_STEPS_PER_RUN ?? 4);
const BASELINE_MS = Number(process.env.BENCH_BASELINE_MS ?? 5_000);

const { url, stop } = await openBenchDatabase();
const { db } = await import("@/lib/core/db");
const { pruneKind } = await import("@/lib/retention/engine/prune-kind");
const { RETENTION_BATCH_SIZE } = await import("@/lib/retention/retention-kinds");

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const old = new Date(Date.now() - 30 * 86_400_000);

console.log(`load average before seeding: ${load()}`);
let t0 = performance.now();
await db.$executeRawUnsafe(
  `INSERT INTO "JobRun" (id, "functionId", "eventName", events, status, "startedAt", "endedAt", "updatedAt")
   SELECT 'old-' || g, 'bench-fn', 'bench/event', '[]', 'COMPLETED', $1, $1, $1 FROM generate_series(1, $2) g`,
  old,
  RUNS,
);
await db.$executeRawUnsafe(
  `INSERT INTO "JobStep" (id, "runId", "hashedId", name, op, status, data, "startedAt", "endedAt")
   SELECT 'old-' || g || '-' || s, 'old-' || g, 'h' || s, 'step ' || s, 'StepRun', 'completed',
          '{"ok":true,"n":42}', $1, $1
     FROM generate_series(1, $2) g, generate_series(1, $3) s`,
  old,
  RUNS,
  STEPS_PER_RUN,
);
// Live runs the prune must leave alone.
await db.$executeRawUnsafe(
  `INSERT INTO "JobRun" (id, "functionId", "eventName", events, status, "startedAt", "updatedAt")
   SELECT 'live-' || g, 'bench-fn', 'bench/event', '[]', 'RUNNING', $1, $1 FROM generate_series(1, 1000) g`,
  old,
);
await db.$executeRawUnsafe(`ANALYZE "JobRun"; `);
await db.$executeRawUnsafe(`ANALYZE "JobStep"`);
const seeded = RUNS * (STEPS_PER_RUN + 1);
console.log(`seeded ${seeded} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
  `EXPLAIN SELECT p.id FROM "JobRun" p
    WHERE p.status IN ('COMPLETED','FAILED','CANCELLED') AND p."endedAt" < now() - interval '14 days' LIMIT 1000`,
);
console.log(`parent pick plan: ${plan.map((r) => r["QUERY PLAN"].trim()).join(" | ")}`);
const stepPlan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
  `EXPLAIN SELECT id FROM "JobStep" WHERE "runId" = ANY($1::text[]) LIMIT 5000`,
  ["old-1", "old-2"],
);
console.log(`children pick plan: ${stepPlan.map((r) => r["QUERY PLAN"].trim()).join(" | ")}`);

// The writer: one run and its step per transaction, as the executor writes them.
const writer = new pg.Client({ connectionString: url });
await writer.connect();
let writing = true;
let n = 0;
const latencies: { at: number; ms: number }[] = [];
const writeLoop = (async () => {
  while (writing) {
    const began = performance.now();
    const id = `new-${n++}`;
    await writer.query("BEGIN");
    await writer.query(
      `INSERT INTO "JobRun" (id, "functionId", "eventName", events, status, "updatedAt") VALUES ($1, 'bench-fn', 'bench/event', '[]', 'RUNNING', now())`,
      [id],
    );
    await writer.query(
      `INSERT INTO "JobStep" (id, "runId", "hashedId", name, op, status) VALUES ($1, $1, 'h', 'step', 'StepRun', 'running')`,
      [id],
    );
    await writer.query("COMMIT");
    latencies.push({ at: began, ms: performance.now() - began });
  }
})();

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { count: sorted.length, p50: q(0.5), p99: q(0.99), max: sorted.at(-1) ?? 0 };
};

await new Promise((r) => setTimeout(r, BASELINE_MS));
const pruneStart = performance.now();
const loadDuring = loadavg()[0];
const result = await pruneKind({ kind: "jobRuns", days: 14, budgetMs: Number.POSITIVE_INFINITY });
const pruneMs = performance.now() - pruneStart;
writing = false;
await writeLoop;
await writer.end();

const before = stats(latencies.filter((l) => l.at < pruneStart).map((l) => l.ms));
const during = stats(latencies.filter((l) => l.at >= pruneStart).map((l) => l.ms));
const [left] = await db.$queryRawUnsafe<{ old: number; live: number }[]>(
  `SELECT (SELECT count(*) FROM "JobStep" WHERE id LIKE 'old-%')::int AS old,
          (SELECT count(*) FROM "JobRun" WHERE id LIKE 'live-%' OR id LIKE 'new-%')::int AS live`,
);
const rowsPerSecond = Math.round(result.removed / (pruneMs / 1000));

console.log(
  `pruned ${result.removed} rows (${RUNS} runs + ${RUNS * STEPS_PER_RUN} steps) in ${(pruneMs / 1000).toFixed(1)} s: ${rowsPerSecond} rows/s`,
);
console.log(
  `batches ${result.batches} of ≤ ${RETENTION_BATCH_SIZE} rows per statement; longest batch (one transaction) ${result.longestBatchMs.toFixed(0)} ms`,
);
console.log(
  `writer before: ${before.count} commits, p50 ${before.p50.toFixed(1)} ms, p99 ${before.p99.toFixed(1)} ms, max ${before.max.toFixed(1)} ms`,
);
console.log(
  `writer during: ${during.count} commits, p50 ${during.p50.toFixed(1)} ms, p99 ${during.p99.toFixed(1)} ms, max ${during.max.toFixed(1)} ms`,
);
console.log(`left: ${left.old} old step rows (want 0), ${left.live} live/new runs kept`);
console.log(`load average after: ${load()}`);

await db.$disconnect();
await stop();
console.log(
  `BENCH ${JSON.stringify({
    bench: "retention",
    seededRows: seeded,
    removed: result.removed,
    seconds: Math.round(pruneMs) / 1000,
    rowsPerSecond,
    batchSize: RETENTION_BATCH_SIZE,
    batches: result.batches,
    longestBatchMs: Math.round(result.longestBatchMs),
    writerBefore: before,
    writerDuring: during,
    oldStepsLeft: left.old,
    loadAverage1m: { during: loadDuring, after: loadavg()[0] },
  })}`,
);
