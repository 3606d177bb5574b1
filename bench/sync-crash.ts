// A full sync of a generated company whose engine process is SIGKILLed at three points of the apply
// (creating groups with their recording held, creating accounts, recording a batch of accounts) and
// restarted each time; then counts duplicate and missing IM groups and accounts. The sandbox HR and IM run
// in a child process (sync-sandboxes-app.ts), the engine in others (lib/sync/engine/sync-engine-process.ts).
// Run: node --import tsx bench/sync-crash.ts [employees=100000] [units=10000]   Ends with `BENCH {json}`.
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { openBenchDatabase } from "./lib/bench-database";
import { startBenchSandboxes } from "./lib/start-bench-sandboxes";

const EMPLOYEES = Number(process.argv[2] ?? 100_000);
const UNITS = Number(process.argv[3] ?? 10_000);
const load = () => loadavg().map((l) => +l.toFixed(2));

async function main() {
  const { url, stop: stopPg } = await openBenchDatabase();
  process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");
  const { db } = await import("../lib/core/db");
  const { encryptSecrets } = await import("../lib/core/crypto/encrypt-secrets");
  const { pullHrDirectory } = await import("../lib/sync/engine/pull-hr-directory");
  const { startSyncRun } = await import("../lib/sync/engine/start-sync-run");
  const { planSyncRun } = await import("../lib/sync/engine/plan-sync-run");
  const { crashFullSync } = await import("../lib/sync/engine/crash-full-sync");
  await db.$executeRawUnsafe(
    `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "SandboxHrEmployee", "SandboxHrUnit", "SandboxImUser", "SandboxImDepartment" CASCADE`,
  );
  const sandboxes = await startBenchSandboxes(EMPLOYEES, UNITS);
  try {
    const hrConn = await db.connection.create({
      data: {
        kind: "HR_SOURCE",
        provider: "sandbox-hr",
        name: "Bench HR",
        config: { baseUrl: sandboxes.hr.url },
        secretsCipher: encryptSecrets({ token: "sandbox-hr-token" }),
      },
    });
    const imConn = await db.connection.create({
      data: {
        kind: "IM_TARGET",
        provider: "sandbox-im",
        name: "Bench IM",
        config: {
          baseUrl: sandboxes.im.baseUrl,
          corpId: sandboxes.creds.corpId,
          agentId: sandboxes.creds.agentId,
          rateLimit: false,
        },
        secretsCipher: encryptSecrets({ contactSecret: sandboxes.creds.corpSecret }),
      },
    });
    await pullHrDirectory({ hrConnectionId: hrConn.id });
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
    const { runId } = await startSyncRun({
      connectionId: imConn.id,
      kind: "FULL",
      trigger: "bench",
    });
    const plan = await planSyncRun({ runId });
    const counts = plan.summary.counts as Record<string, number>;
    console.log(`planned ${plan.planned} changes (${JSON.stringify(counts)}); load ${load()}`);

    const t0 = performance.now();
    const { kills, last } = await crashFullSync({
      runId,
      connectionId: imConn.id,
      databaseUrl: url,
      env: { DATABASE_URL: url, ORGBRIDGE_SECRET_KEY: process.env.ORGBRIDGE_SECRET_KEY! },
      accountCreates: counts["account.create"] ?? 0,
      imGroups: () => db.sandboxImDepartment.count({ where: { id: { not: 1 } } }),
      imUsers: () => db.sandboxImUser.count(),
    });
    const seconds = (performance.now() - t0) / 1000;
    for (const [i, k] of kills.entries())
      console.log(
        `kill ${i + 1}: ${k.signal}; IM ${k.imGroups} groups / ${k.imUsers} users, recorded ${k.recordedGroups} / ${k.recordedAccounts}`,
      );
    console.log(`last engine process: exit ${last.code}`);

    const [dupGroups] = await db.$queryRaw<{ n: number }[]>`
      SELECT coalesce(sum(n - 1), 0)::int AS n FROM (SELECT count(*) AS n FROM "SandboxImDepartment" GROUP BY "parentId", name HAVING count(*) > 1) d`;
    const [missingGroups] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "OrgUnit" u WHERE NOT EXISTS (
        SELECT 1 FROM "ImGroup" g JOIN "SandboxImDepartment" s ON s.id::text = g."externalId"
        WHERE g."connectionId" = ${imConn.id} AND g."orgUnitCode" = u.code)`;
    const [missingUsers] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "SyncChange" c WHERE c."runId" = ${runId} AND c.op = 'account.create'
        AND NOT EXISTS (SELECT 1 FROM "SandboxImUser" s WHERE s.userid = c.after->>'imUserId')`;
    const imUsers = await db.sandboxImUser.count();
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: runId } });
    // Users are unique by id on the IM; a duplicate would be a user no planned create names.
    const duplicateUsers = imUsers - ((counts["account.create"] ?? 0) - missingUsers.n);
    console.log(
      `run ${run.status}: ${run.applied} applied, ${run.failed} failed of ${run.planned}; IM ${imUsers} users; duplicates: ${dupGroups.n} groups, ${duplicateUsers} users; missing: ${missingGroups.n} groups, ${missingUsers.n} users; apply with 3 kills ${seconds.toFixed(1)} s; load ${load()}`,
    );
    console.log(
      `BENCH ${JSON.stringify({
        bench: "sync-crash",
        employees: EMPLOYEES,
        units: UNITS,
        kills: kills.length,
        status: run.status,
        duplicateGroups: dupGroups.n,
        duplicateUsers,
        missingGroups: missingGroups.n,
        missingUsers: missingUsers.n,
        applySeconds: +seconds.toFixed(1),
        load: load(),
      })}`,
    );
  } finally {
    sandboxes.close();
    await db.$disconnect();
    await stopPg();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
