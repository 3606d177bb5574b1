// A large full sync whose engine process is SIGKILLed at three points of the apply — while creating groups
// with their recording held, while creating accounts, while recording a batch of accounts — and restarted
// each time: the run completes with every IM group and account created exactly once and recorded.
// The engine runs in a child process (lib/sync/engine/sync-engine-process.ts); the sandboxes run here.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateCompany } from "@/lib/sandbox/demo/generate-company";
import { writeCompanyToSandboxHr } from "@/lib/sandbox/demo/write-company-to-sandbox-hr";
import { startSandboxHr, type SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { createSandboxConnections } from "@/lib/testing/create-sandbox-connections";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { spawnSyncEngine, type SyncEngineProcess } from "./spawn-sync-engine";
import { waitFor } from "@/lib/testing/wait-for";
import { planSyncRun } from "./plan-sync-run";
import { pullHrDirectory } from "./pull-hr-directory";
import { runFullSync } from "./run-full-sync";
import { startSyncRun } from "./start-sync-run";

const EMPLOYEES = Number(process.env.SYNC_CRASH_EMPLOYEES ?? 20_000);
const UNITS = Math.max(20, Math.round(EMPLOYEES / 10));
const creds = { corpId: "ww-crash-test", corpSecret: "crash-test-secret", agentId: 1000002 };
const secretKey = randomBytes(32).toString("base64");
process.env.ORGBRIDGE_SECRET_KEY = secretKey;
setupTestDb();

const db = async () => (await import("@/lib/core/db")).db;

/** Holds an EXCLUSIVE lock on a table (reads pass, writes wait) until released. */
async function holdWrites(table: string) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "${table}" IN EXCLUSIVE MODE`);
  return async () => {
    await client.query("ROLLBACK");
    await client.end();
  };
}

/** Backends waiting for a lock on `table` (the engine, blocked inside a recording transaction). */
async function lockWaiters(table: string): Promise<number> {
  const d = await db();
  const [row] = await d.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
    WHERE c.relname = ${table} AND NOT l.granted`;
  return row.n;
}

describe("a full sync killed mid-apply", () => {
  let hr: SandboxHrServer;
  let im: SandboxImServer;
  let connectionId: string;
  let hrConnectionId: string;
  const engines: SyncEngineProcess[] = [];
  const env = () => ({ DATABASE_URL: inject("databaseUrl"), ORGBRIDGE_SECRET_KEY: secretKey });

  beforeAll(async () => {
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "SandboxHrEmployee", "SandboxHrUnit", "SandboxImUser", "SandboxImDepartment", "AuditLog" CASCADE`,
    );
    const url = inject("databaseUrl");
    hr = await startSandboxHr({ port: 0, databaseUrl: url });
    im = await startSandboxIm({
      ...creds,
      port: 0,
      databaseUrl: url,
      rateLimit: false,
      recordRequests: true,
    });
    const company = generateCompany({ units: UNITS, employees: EMPLOYEES });
    await writeCompanyToSandboxHr(d, { ...company, employees: [] });
    for (let i = 0; i < company.employees.length; i += 5_000)
      await writeCompanyToSandboxHr(d, {
        units: [],
        employees: company.employees.slice(i, i + 5_000),
      });
    ({ hrConnectionId, connectionId } = await createSandboxConnections(d, {
      hrUrl: hr.url,
      imBaseUrl: im.baseUrl,
      creds,
    }));
    await pullHrDirectory({ hrConnectionId });
    const root = await d.orgUnit.findUniqueOrThrow({ where: { code: "XH" } });
    await d.orgMapping.create({
      data: {
        orgUnitId: root.id,
        connectionId,
        mode: "MIRROR",
        includeDescendants: true,
        namingTemplate: "{name}",
      },
    });
  }, 300_000);
  afterAll(async () => {
    for (const e of engines) e.child.kill("SIGKILL");
    await hr?.close();
    await im?.close();
  });

  it("SIGKILL while creating groups, while creating accounts and while recording a batch: after restarts, 0 duplicate and 0 missing", async () => {
    const d = await db();
    const { runId } = await startSyncRun({ connectionId, kind: "FULL", trigger: "test" });
    const plan = await planSyncRun({ runId });
    const creates = plan.summary.counts as Record<string, number>;
    // The root is mapped with its descendants: every unit gets a group, every employee due an account one.
    expect(creates["group.create"]).toBe(await d.orgUnit.count());
    const groupCreates = creates["group.create"];
    const accountCreates = creates["account.create"];
    expect(accountCreates).toBeGreaterThan(EMPLOYEES * 0.9);
    const start = () => {
      const e = spawnSyncEngine(runId, env());
      engines.push(e);
      return e;
    };
    const imGroups = () => d.sandboxImDepartment.count({ where: { id: { not: 1 } } });
    const imUsers = () => d.sandboxImUser.count();

    // 1. Groups: their recording is held, so the IM has groups OrgBridge has not written down when the kill comes.
    let release = await holdWrites("ImGroup");
    let engine = start();
    await waitFor(
      "a recording of groups blocked",
      () => lockWaiters("ImGroup"),
      (n) => n > 0,
      120_000,
    );
    await waitFor("groups created", imGroups, (n) => n >= 40, 120_000);
    engine.child.kill("SIGKILL");
    expect(await engine.exited).toMatchObject({ signal: "SIGKILL" });
    await release();
    const groupsAtKill = await imGroups();
    const recordedGroupsAtKill = await d.imGroup.count({
      where: { connectionId, orgUnitCode: { not: null } },
    });
    expect(groupsAtKill).toBeGreaterThan(recordedGroupsAtKill);
    expect(groupsAtKill).toBeLessThan(groupCreates);

    // 2. Accounts: killed with creates in flight.
    engine = start();
    await waitFor(
      "a quarter of the accounts created",
      imUsers,
      (n) => n >= accountCreates / 4,
      300_000,
    );
    engine.child.kill("SIGKILL");
    expect(await engine.exited).toMatchObject({ signal: "SIGKILL" });
    expect(await imUsers()).toBeLessThan(accountCreates);

    // 3. Recording: an account batch's transaction is blocked when the kill comes, its IM creates done.
    const usersBefore = await imUsers();
    release = await holdWrites("ImAccount");
    engine = start();
    await waitFor(
      "a recording of accounts blocked",
      () => lockWaiters("ImAccount"),
      (n) => n > 0,
      120_000,
    );
    await waitFor(
      "accounts created past the blocked recording",
      imUsers,
      (n) => n >= usersBefore + 50,
      120_000,
    );
    engine.child.kill("SIGKILL");
    expect(await engine.exited).toMatchObject({ signal: "SIGKILL" });
    await release();
    const usersAtKill = await imUsers();
    const recordedAtKill = await d.imAccount.count({ where: { connectionId } });
    expect(usersAtKill).toBeGreaterThan(recordedAtKill);

    // Restart: the run completes.
    engine = start();
    const done = await engine.exited;
    expect(done.code, done.output).toBe(0);
    expect(await d.syncRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({
      status: "SUCCEEDED",
      planned: plan.planned,
      applied: plan.planned,
      failed: 0,
      skipped: 0,
    });
    expect(await d.syncChange.count({ where: { runId, status: "APPLIED" } })).toBe(plan.planned);

    // Exactly once on the IM: as many groups and users as planned, each created by one successful call.
    expect(await imGroups()).toBe(groupCreates);
    expect(await imUsers()).toBe(accountCreates);
    const ok = (path: string) =>
      im.requests().filter((r) => r.path.endsWith(path) && r.errcode === 0).length;
    expect(ok("/department/create")).toBe(groupCreates);
    expect(ok("/user/create")).toBe(accountCreates);
    // Restarts found what the dead processes had created (WeCom answers a repeated create 60102 / 60008).
    expect(
      im.requests().filter((r) => r.path.endsWith("/user/create") && r.errcode === 60102).length,
    ).toBeGreaterThan(0);

    // Recorded once each, and pointing at what exists.
    const [orphanGroups] = await d.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ImGroup" g
      WHERE g."connectionId" = ${connectionId} AND g."orgUnitCode" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "SandboxImDepartment" s WHERE s.id::text = g."externalId")`;
    expect(orphanGroups.n).toBe(0);
    expect(await d.imGroup.count({ where: { connectionId, orgUnitCode: { not: null } } })).toBe(
      groupCreates,
    );
    const [orphanAccounts] = await d.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ImAccount" a
      WHERE a."connectionId" = ${connectionId}
        AND NOT EXISTS (SELECT 1 FROM "SandboxImUser" s WHERE s.userid = a."imUserId")`;
    expect(orphanAccounts.n).toBe(0);
    expect(await d.imAccount.count({ where: { connectionId, state: "ACTIVE" } })).toBe(
      accountCreates,
    );

    // Reading every IM user in full, the next sync finds nothing left to do.
    const again = await runFullSync({ connectionId, trigger: "test", deepImRead: true });
    expect(again.plan.planned).toBe(0);
    expect(again.plan.conflicts).toBe(0);
  }, 900_000);
});
