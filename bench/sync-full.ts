// Full HR → IM sync of a generated company into the sandbox IM (rate limits off),
// through the real connectors and the engine's steps, then a steady-state resync, then a raw
// bulk write of the same rows for comparison. The sandbox HR and IM run in a child process
// (bench/sync-sandboxes-app.ts), as a real HR and IM are out of the engine's process; peak RSS
// is this (engine) process's. Ends with `BENCH {json}`.
// Run: node --import tsx bench/sync-full.ts [employees=2000] [units=150]
//   DATABASE_URL (else an embedded PostgreSQL; the bench truncates the sync tables)

import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { openBenchDatabase } from "./lib/bench-database";
import { measureRawBulkWrite } from "./lib/raw-bulk-write";
import { startBenchSandboxes } from "./lib/start-bench-sandboxes";

const EMPLOYEES = Number(process.argv[2] ?? 2_000);
const UNITS = Number(process.argv[3] ?? 150);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function main() {
  const { stop: stopPg } = await openBenchDatabase();
  process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");

  // Imported after DATABASE_URL is set (lib/core/db reads it on first use).
  const { db } = await import("../lib/core/db");
  const { encryptSecrets } = await import("../lib/core/crypto/encrypt-secrets");

  await db.$executeRawUnsafe(
    `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "SandboxHrEmployee", "SandboxHrUnit", "SandboxImUser", "SandboxImDepartment" CASCADE`,
  );
  // Peak V8 heap, sampled each second (RSS keeps what V8 once grew to; this shows what was live-ish).
  let peakHeap = 0;
  const sampler = setInterval(
    () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)),
    1_000,
  );
  sampler.unref();
  const sandboxes = await startBenchSandboxes(EMPLOYEES, UNITS);
  const { hr, im, creds } = sandboxes;
  try {
    const size = {
      units: await db.sandboxHrUnit.count(),
      employees: await db.sandboxHrEmployee.count(),
    };
    const hrConn = await db.connection.create({
      data: {
        kind: "HR_SOURCE",
        provider: "sandbox-hr",
        name: "Bench HR",
        config: { baseUrl: hr.url },
        secretsCipher: encryptSecrets({ token: "sandbox-hr-token" }),
      },
    });
    const imConn = await db.connection.create({
      data: {
        kind: "IM_TARGET",
        provider: "sandbox-im",
        name: "Bench IM",
        config: {
          baseUrl: im.baseUrl,
          corpId: creds.corpId,
          agentId: creds.agentId,
          rateLimit: false,
        },
        secretsCipher: encryptSecrets({ contactSecret: creds.corpSecret }),
      },
    });
    // The mapping needs the root unit in the mirror: one pull first is part of the first sync's figure below anyway.
    const { pullHrDirectory } = await import("../lib/sync/engine/pull-hr-directory");
    let t = performance.now();
    await pullHrDirectory({ hrConnectionId: hrConn.id });
    const firstPullMs = performance.now() - t;
    const root = await db.orgUnit.findUniqueOrThrow({ where: { code: "XH" } });
    await db.orgMapping.create({
      data: {
        orgUnitId: root.id,
        connectionId: imConn.id,
        mode: "MIRROR",
        includeDescendants: true,
        namingTemplate: "{name}",
      },
    });

    console.log(`company: ${size.units} units, ${size.employees} employees; load ${load()}`);
    console.log(`first HR pull: ${(firstPullMs / 1000).toFixed(2)} s`);
    const first = await timedFullSync(imConn.id, hrConn.id);
    console.log(
      `full sync from empty: ${(first.ms / 1000).toFixed(2)} s — ${first.planned} changes, ${first.finish?.applied ?? 0} applied, ${first.finish?.failed ?? 0} failed ` +
        `(${(first.planned / (first.ms / 1000)).toFixed(0)} changes/s overall, ${(first.planned / (first.phases.apply / 1000)).toFixed(0)}/s while applying)`,
    );
    console.log(`  phases: ${phaseLine(first.phases)}; load ${load()}`);
    const [groups, accounts, applied] = await Promise.all([
      db.imGroup.count({ where: { connectionId: imConn.id, orgUnitCode: { not: null } } }),
      db.imAccount.count({ where: { connectionId: imConn.id, state: "ACTIVE" } }),
      db.syncChange.count({ where: { runId: first.runId, status: "APPLIED" } }),
    ]);
    const spans = await db.$queryRaw<{ targetType: string; n: number; seconds: number }[]>`
      SELECT "targetType", count(*)::int AS n, extract(epoch FROM max("appliedAt") - min("appliedAt"))::float AS seconds
      FROM "SyncChange" WHERE "runId" = ${first.runId} AND status = 'APPLIED' GROUP BY "targetType" ORDER BY min("appliedAt")`;
    console.log(
      `  apply by type (first to last recorded): ${spans.map((r) => `${r.targetType} ${r.n} in ${r.seconds.toFixed(1)} s`).join(", ")}`,
    );
    const [imUsers, imDepartments] = await Promise.all([
      db.sandboxImUser.count(),
      db.sandboxImDepartment.count(),
    ]);
    console.log(
      `  recorded: ${applied} SyncChange APPLIED, ${groups} ImGroup mirrors, ${accounts} ImAccount ACTIVE; sandbox IM holds ${imUsers} users, ${imDepartments} departments`,
    );
    const steady = await timedFullSync(imConn.id, hrConn.id);
    console.log(
      `steady-state resync: ${(steady.ms / 1000).toFixed(2)} s — ${steady.planned} changes; phases: ${phaseLine(steady.phases)}`,
    );
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(
      `peak RSS: ${peakRssMb} MB (this process: bench driver and sync engine; the sandbox HR and IM run in a child process, PostgreSQL in its own)`,
    );
    console.log(
      `peak V8 heap used (sampled each second): ${(peakHeap / 1024 / 1024).toFixed(0)} MB; heap limit ${(v8.getHeapStatistics().heap_size_limit / 1024 / 1024).toFixed(0)} MB`,
    );
    const raw = await measureRawBulkWrite(db);
    const bulkRatio = first.ms / raw.ms;
    console.log(
      `raw bulk write of the same rows (${raw.rows} rows: ${raw.tables.join(", ")}; unnest batches of 5,000): ${(raw.ms / 1000).toFixed(2)} s; full sync / raw = ${bulkRatio.toFixed(2)}`,
    );
    console.log(`load ${load()}`);
    console.log(
      `BENCH ${JSON.stringify({
        bench: "sync-full",
        employees: size.employees,
        units: size.units,
        fullSyncSeconds: +(first.ms / 1000).toFixed(2),
        steadyResyncSeconds: +(steady.ms / 1000).toFixed(2),
        peakRssMb,
        bulkRatio: +bulkRatio.toFixed(2),
        load: loadavg().map((l) => +l.toFixed(2)),
      })}`,
    );
  } finally {
    sandboxes.close();
    await db.$disconnect();
    await stopPg();
  }
}

type Phases = { start: number; pull: number; plan: number; apply: number; finish: number };

const phaseLine = (p: Phases) =>
  Object.entries(p)
    .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)} s`)
    .join(", ");

/** `runFullSync`'s steps (lib/sync/engine/run-full-sync.ts), timed one by one. */
async function timedFullSync(connectionId: string, hrConnectionId: string) {
  const { startSyncRun } = await import("../lib/sync/engine/start-sync-run");
  const { pullHrDirectory } = await import("../lib/sync/engine/pull-hr-directory");
  const { planSyncRun } = await import("../lib/sync/engine/plan-sync-run");
  const { applySyncBatch } = await import("../lib/sync/engine/apply-sync-batch");
  const { finishSyncRun } = await import("../lib/sync/engine/finish-sync-run");
  const phases: Phases = { start: 0, pull: 0, plan: 0, apply: 0, finish: 0 };
  const timed = async <T>(phase: keyof Phases, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      phases[phase] += performance.now() - t0;
    }
  };
  const t0 = performance.now();
  const { runId } = await timed("start", () =>
    startSyncRun({ connectionId, kind: "FULL", trigger: "bench" }),
  );
  const pull = await timed("pull", () => pullHrDirectory({ hrConnectionId }));
  const plan = await timed("plan", () => planSyncRun({ runId, summaryExtra: { pull } }));
  let finish: Awaited<ReturnType<typeof finishSyncRun>> | undefined;
  if (plan.status === "RUNNING") {
    for (const b of plan.batches) await timed("apply", () => applySyncBatch({ runId, ...b }));
    finish = await timed("finish", () => finishSyncRun(runId));
  }
  return { runId, planned: plan.planned, finish, phases, ms: performance.now() - t0 };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
