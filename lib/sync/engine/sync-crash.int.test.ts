// A large full sync whose engine process is SIGKILLed at three points of the apply — while creating groups
// with their recording held, while creating accounts, while recording a batch of accounts — and restarted
// each time: the run completes with every IM group and account created exactly once and recorded.
// The engine runs in a child process (lib/sync/engine/sync-engine-process.ts); the sandboxes run here.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateCompany } from "@/lib/sandbox/demo/generate-company";
import { writeCompanyToSandboxHr } from "@/lib/sandbox/demo/write-company-to-sandbox-hr";
import { startSandboxHr, type SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { createSandboxConnections } from "@/lib/testing/create-sandbox-connections";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import type { SyncEngineProcess } from "./spawn-sync-engine";
import { crashFullSync } from "./crash-full-sync";
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
    const imGroups = () => d.sandboxImDepartment.count({ where: { id: { not: 1 } } });
    const imUsers = () => d.sandboxImUser.count();

    const { kills, last } = await crashFullSync({
      runId,
      connectionId,
      databaseUrl: inject("databaseUrl"),
      env: env(),
      accountCreates,
      imGroups,
      imUsers,
      engines,
    });
    // Each kill was a SIGKILL and left the IM ahead of what OrgBridge had recorded (or, at 2, mid-way).
    expect(kills.map((k) => k.signal)).toEqual(["SIGKILL", "SIGKILL", "SIGKILL"]);
    expect(kills[0].imGroups).toBeGreaterThan(kills[0].recordedGroups);
    expect(kills[0].imGroups).toBeLessThan(groupCreates);
    expect(kills[1].imUsers).toBeLessThan(accountCreates);
    expect(kills[2].imUsers).toBeGreaterThan(kills[2].recordedAccounts);
    expect(last.code, last.output).toBe(0);

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
