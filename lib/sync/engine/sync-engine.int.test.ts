import { randomBytes } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_ONBOARDING_LEAD_DAYS, generateCompany } from "@/lib/sandbox/demo/generate-company";
import { writeCompanyToSandboxHr } from "@/lib/sandbox/demo/write-company-to-sandbox-hr";
import { startSandboxHr, type SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { bulkTerminate } from "@/lib/sandbox/hr/simulator/bulk-simulations";
import { hireEmployee } from "@/lib/sandbox/hr/simulator/hire-employee";
import { moveDepartment } from "@/lib/sandbox/hr/simulator/move-department";
import { renameDepartment } from "@/lib/sandbox/hr/simulator/rename-department";
import { renameDepartmentManually } from "@/lib/sandbox/im/rename-department-manually";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { createSandboxConnections } from "@/lib/testing/create-sandbox-connections";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { createDepartment } from "@/lib/sandbox/hr/simulator/create-department";
import type { ImTarget } from "@/lib/connectors";
import { performChange } from "./apply-change";
import { applySyncBatch } from "./apply-sync-batch";
import { ensureDemoMapping } from "../../sandbox/demo/ensure-demo-mapping";
import { finishSyncRun } from "./finish-sync-run";
import { openImTarget } from "../../connections/engine/open-connection";
import { platformRootGroup } from "./platform-root-group";
import { planSyncRun } from "./plan-sync-run";
import { pullHrDirectory } from "./pull-hr-directory";
import { runFullSync } from "./run-full-sync";
import { startSyncRun } from "./start-sync-run";

process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
const creds = { corpId: "ww-sync-test", corpSecret: "sync-test-secret", agentId: 1000002 };

setupTestDb();

describe("sync engine against the sandboxes", () => {
  let hr: SandboxHrServer;
  let im: SandboxImServer;
  let connectionId: string;
  let hrConnectionId: string;
  // The demo's calendar is relative to its "today": onboarding hires start two weeks later.
  const today = new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  const company = generateCompany({ units: 20, employees: 120, today });
  const db = async () => (await import("@/lib/core/db")).db;

  beforeAll(async () => {
    const url = inject("databaseUrl");
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "SandboxHrEmployee", "SandboxHrUnit", "SandboxImUser", "SandboxImDepartment", "AuditLog" CASCADE`,
    );
    hr = await startSandboxHr({ port: 0, databaseUrl: url });
    im = await startSandboxIm({ ...creds, port: 0, databaseUrl: url, rateLimit: false });
    await writeCompanyToSandboxHr(d, company);
    ({ hrConnectionId, connectionId } = await createSandboxConnections(d, {
      hrUrl: hr.url,
      imBaseUrl: im.baseUrl,
      creds,
    }));
  });
  afterAll(async () => {
    await hr?.close();
    await im?.close();
  });

  it("pulls the HR directory into the mirror, and a second pull changes nothing", async () => {
    const first = await pullHrDirectory({ hrConnectionId });
    expect(first.units).toEqual({
      created: company.units.length,
      updated: 0,
      unchanged: 0,
      deactivated: 0,
    });
    expect(first.employees).toEqual({
      created: company.employees.length,
      updated: 0,
      unchanged: 0,
      deactivated: 0,
    });
    const d = await db();
    const fe = await d.orgUnit.findUniqueOrThrow({
      where: { code: "XH-RD-FE" },
      include: { parent: true, manager: true },
    });
    expect(fe.path).toBe("/XH/XH-RD/XH-RD-FE");
    expect(fe.depth).toBe(2);
    expect(fe.parent?.code).toBe("XH-RD");
    const withManager = company.employees.find((e) => e.managerNo)!;
    const row = await d.employee.findUniqueOrThrow({
      where: { employeeNo: withManager.employeeNo },
      include: { manager: true, orgUnit: true },
    });
    expect(row.manager?.employeeNo).toBe(withManager.managerNo);
    expect(row.orgUnit?.code).toBe(withManager.unitCode);

    const second = await pullHrDirectory({ hrConnectionId });
    expect(second.units).toEqual({
      created: 0,
      updated: 0,
      unchanged: company.units.length,
      deactivated: 0,
    });
    expect(second.employees).toEqual({
      created: 0,
      updated: 0,
      unchanged: company.employees.length,
      deactivated: 0,
    });
  });

  it("creates the demo mapping once, audited as the system", async () => {
    const url = inject("databaseUrl");
    expect(await ensureDemoMapping({ databaseUrl: url, connectionName: "Test IM" })).toEqual({
      created: true,
    });
    expect(await ensureDemoMapping({ databaseUrl: url, connectionName: "Test IM" })).toEqual({
      created: false,
      reason: "exists",
    });
    const d = await db();
    expect(
      await d.orgMapping.findMany({ where: { connectionId }, include: { orgUnit: true } }),
    ).toEqual([
      expect.objectContaining({
        mode: "MIRROR",
        includeDescendants: true,
        namingTemplate: "{name}",
        orgUnit: expect.objectContaining({ code: "XH" }),
      }),
    ]);
    expect(
      await d.auditLog.count({ where: { action: "mapping.created", actorType: "system" } }),
    ).toBe(1);
  });

  it("a full sync from empty creates every group and account in the IM", async () => {
    const { plan, finish } = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    // Onboarding hires start DEMO_ONBOARDING_LEAD_DAYS (14) after today: beyond createBeforeStartDays (3).
    expect(DEMO_ONBOARDING_LEAD_DAYS).toBeGreaterThan(3);
    const expectedAccounts = company.employees.filter((e) => e.status !== "onboarding");
    expect(plan.summary.counts["group.create"]).toBe(company.units.length);
    expect(plan.summary.counts["account.create"]).toBe(expectedAccounts.length);
    expect(finish).toMatchObject({ status: "SUCCEEDED", applied: plan.planned, failed: 0 });

    const d = await db();
    const departments = await d.sandboxImDepartment.findMany();
    expect(departments).toHaveLength(company.units.length + 1); // + WeCom's root
    const users = await d.sandboxImUser.findMany();
    expect(users.map((u) => u.userid).sort()).toEqual(
      expectedAccounts.map((e) => e.employeeNo).sort(),
    );

    const groups = await d.imGroup.findMany({ where: { connectionId } });
    const groupOf = new Map(groups.map((g) => [g.orgUnitCode, g.externalId]));
    const fe = departments.find((dep) => String(dep.id) === groupOf.get("XH-RD-FE"))!;
    expect(fe.name).toBe(company.units.find((u) => u.code === "XH-RD-FE")!.name);
    expect(String(fe.parentId)).toBe(groupOf.get("XH-RD"));
    const zhang = users.find((u) => u.userid === "XH000004")!;
    expect(zhang.departments.map(String)).toEqual([groupOf.get("XH-RD-FE")]);
    expect(await d.imAccount.count({ where: { connectionId, state: "ACTIVE" } })).toBe(
      expectedAccounts.length,
    );
    const run = await d.syncRun.findFirstOrThrow({ where: { id: plan.runId } });
    expect(run).toMatchObject({
      kind: "FULL",
      status: "SUCCEEDED",
      planned: plan.planned,
      applied: plan.planned,
      failed: 0,
    });
  });

  it("a second full sync plans zero changes", async () => {
    const { plan, pull } = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(plan.planned).toBe(0);
    expect(plan.status).toBe("SUCCEEDED");
    expect(pull?.employees.unchanged).toBe(company.employees.length);
  });

  it("runs as the hr-full-sync Inngest function (@inngest/test), dry run and real", async () => {
    const { hrFullSync } = await import("@/inngest/functions/sync-full");
    const t = new InngestTestEngine({ function: hrFullSync });
    const dry = await t.execute({
      events: [
        {
          name: "hr/sync.requested",
          data: { connectionId, hrConnectionId, dryRun: true, requestedBy: "u1" },
        },
      ],
    });
    expect(dry.result).toMatchObject({ status: "SUCCEEDED", planned: 0 });
    const d = await db();
    expect(await d.syncRun.findFirst({ where: { connectionId, kind: "DRY_RUN" } })).toMatchObject({
      trigger: "manual:u1",
      status: "SUCCEEDED",
    });

    await hireEmployee(hr.simulator, {
      employeeNo: "XH900001",
      name: "钱新",
      unitCode: "XH-RD-FE",
      email: "qian.xin@fn.example",
      mobile: "13912340001",
    });
    const real = await new InngestTestEngine({ function: hrFullSync }).execute({
      events: [
        { name: "hr/sync.requested", data: { connectionId, hrConnectionId, requestedBy: "u1" } },
      ],
    });
    expect(real.result).toMatchObject({ planned: 1, applied: 1, failed: 0, status: "SUCCEEDED" });
    expect(await d.sandboxImUser.findUnique({ where: { userid: "XH900001" } })).not.toBeNull();
  });

  it("a hire creates exactly that account", async () => {
    await hireEmployee(hr.simulator, {
      employeeNo: "XH900002",
      name: "孙悦",
      unitCode: "XH-RD-FE",
      email: "sun.yue@hire.example",
      mobile: "13912340002",
    });
    const { plan, finish } = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(plan.summary.total).toBe(1);
    expect(plan.summary.counts["account.create"]).toBe(1);
    expect(finish?.status).toBe("SUCCEEDED");
    const d = await db();
    const user = await d.sandboxImUser.findUniqueOrThrow({ where: { userid: "XH900002" } });
    const fe = await d.imGroup.findFirstOrThrow({
      where: { connectionId, orgUnitCode: "XH-RD-FE" },
    });
    expect(user.departments.map(String)).toEqual([fe.externalId]);
    const change = await d.syncChange.findFirstOrThrow({ where: { runId: plan.runId } });
    expect(change).toMatchObject({
      op: "account.create",
      targetKey: "XH900002",
      status: "APPLIED",
    });
  });

  it("renames and moves groups after HR does; an IM admin's rename becomes a conflict", async () => {
    await renameDepartment(hr.simulator, "XH-RD-FE", "前端平台组", "Frontend Platform");
    await moveDepartment(hr.simulator, "XH-IT", "XH-HR");
    const { plan, finish, pull } = await runFullSync({
      connectionId,
      hrConnectionId,
      trigger: "test",
    });
    expect(pull?.units.updated).toBeGreaterThanOrEqual(2);
    expect(plan.summary.counts).toMatchObject({ "group.rename": 1, "group.move": 1 });
    expect(plan.summary.total).toBe(2);
    expect(finish?.status).toBe("SUCCEEDED");
    const d = await db();
    const groupOf = async (code: string) =>
      Number(
        (await d.imGroup.findFirstOrThrow({ where: { connectionId, orgUnitCode: code } }))
          .externalId,
      );
    expect(
      await d.sandboxImDepartment.findUnique({ where: { id: await groupOf("XH-RD-FE") } }),
    ).toMatchObject({ name: "前端平台组" });
    expect(
      await d.sandboxImDepartment.findUnique({ where: { id: await groupOf("XH-IT") } }),
    ).toMatchObject({ parentId: await groupOf("XH-HR") });
    expect((await d.orgUnit.findUniqueOrThrow({ where: { code: "XH-IT" } })).path).toBe(
      "/XH/XH-HR/XH-IT",
    );

    await renameDepartmentManually(im.db, await groupOf("XH-RD-FE"), "前端（手改）");
    const next = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(next.plan.planned).toBe(0);
    expect(
      await d.syncConflict.findFirst({ where: { connectionId, type: "im_group_renamed" } }),
    ).toMatchObject({ status: "OPEN", subjectKey: String(await groupOf("XH-RD-FE")) });
  });

  it("an IM failure on one item marks it FAILED and the run PARTIAL; the next run retries it", async () => {
    await hireEmployee(hr.simulator, {
      employeeNo: "XH900003",
      name: "周航",
      unitCode: "XH-HR",
      email: "zhou.hang@hire.example",
      mobile: "13912340003",
    });
    await hireEmployee(hr.simulator, {
      employeeNo: "XH900004",
      name: "吴桐",
      unitCode: "XH-HR",
      email: "wu.tong@hire.example",
      mobile: "13912340004",
    });
    const { runId } = await startSyncRun({ connectionId, kind: "FULL", trigger: "test" });
    await pullHrDirectory({ hrConnectionId });
    const plan = await planSyncRun({ runId });
    expect(plan.planned).toBe(2);
    im.faults.failNext(1, 40058); // "invalid parameter": not retryable, so the first create fails for good
    // One at a time, so the injected fault hits the first create in plan order.
    for (const b of plan.batches) await applySyncBatch({ runId, ...b, concurrency: 1 });
    expect(await finishSyncRun(runId)).toEqual({
      status: "PARTIAL",
      applied: 1,
      failed: 1,
      skipped: 0,
    });
    const d = await db();
    expect(await d.syncChange.findFirst({ where: { runId, status: "FAILED" } })).toMatchObject({
      targetKey: "XH900003",
      errorCode: "40058",
    });
    expect(await d.syncRun.findUnique({ where: { id: runId } })).toMatchObject({
      status: "PARTIAL",
      applied: 1,
      failed: 1,
    });

    const retry = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(retry.plan.planned).toBe(1);
    expect(retry.finish?.status).toBe("SUCCEEDED");
    expect(await d.syncChange.findFirst({ where: { runId: retry.runId } })).toMatchObject({
      op: "account.create",
      targetKey: "XH900003",
      status: "APPLIED",
    });
    expect(
      await d.sandboxImUser.count({ where: { userid: { in: ["XH900003", "XH900004"] } } }),
    ).toBe(2);
  });

  it("terminations beyond the safety threshold hold the run until approved", async () => {
    const d = await db();
    const leavers = company.employees
      .filter((e) => e.status === "active" && !e.employeeNo.startsWith("XH00000"))
      .slice(0, 15)
      .map((e) => e.employeeNo);
    await bulkTerminate(hr.simulator, leavers, "组织调整");
    const held = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(held.plan).toMatchObject({ status: "AWAITING_APPROVAL", held: true });
    expect(held.plan.summary.counts["account.disable"]).toBe(15);
    expect(held.finish).toBeUndefined();
    expect(
      await d.syncChange.count({ where: { runId: held.runId, status: { not: "PLANNED" } } }),
    ).toBe(0);
    expect(await d.sandboxImUser.count({ where: { userid: { in: leavers }, enable: 1 } })).toBe(15);
    const threshold = await d.syncConflict.findFirstOrThrow({
      where: { type: "deletion_threshold", connectionId },
    });
    expect(threshold).toMatchObject({ status: "OPEN", occurrences: 1, runId: held.runId });

    // The same set again: the same conflict, seen twice.
    const again = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(again.plan.status).toBe("AWAITING_APPROVAL");
    expect(await d.syncConflict.findUniqueOrThrow({ where: { id: threshold.id } })).toMatchObject({
      occurrences: 2,
      runId: again.runId,
    });

    // Approved (keep HR) → the next run applies; two days on, the end-of-day disables are due.
    await d.syncConflict.update({
      where: { id: threshold.id },
      data: {
        status: "RESOLVED",
        resolution: "KEEP_HR",
        resolvedBy: "it.admin",
        resolvedAt: new Date(),
      },
    });
    const later = new Date(Date.now() + 2 * 86_400_000);
    const approved = await runFullSync({
      connectionId,
      hrConnectionId,
      trigger: "test",
      now: later,
    });
    expect(approved.plan).toMatchObject({ status: "RUNNING", approved: true, held: false });
    expect(approved.finish).toMatchObject({ status: "SUCCEEDED", applied: 15, failed: 0 });
    expect(await d.sandboxImUser.count({ where: { userid: { in: leavers }, enable: 0 } })).toBe(15);
    expect(await d.imAccount.count({ where: { connectionId, state: "DISABLED" } })).toBe(15);
    expect(
      (await runFullSync({ connectionId, hrConnectionId, trigger: "test", now: later })).plan
        .planned,
    ).toBe(0);
  });
  it("a batch repeated after a crash between its IM calls and their recording finds what was applied; once recorded, a repeat calls the IM for nothing", async () => {
    const d = await db();
    await createDepartment(hr.simulator, {
      code: "XH-DR",
      name: "容灾演练组",
      parentCode: "XH-HR",
    });
    await hireEmployee(hr.simulator, {
      employeeNo: "XH900011",
      name: "钱多多",
      unitCode: "XH-DR",
      email: "qian.duoduo@hire.example",
      mobile: "13912340011",
    });
    const { runId } = await startSyncRun({ connectionId, kind: "FULL", trigger: "test" });
    await pullHrDirectory({ hrConnectionId });
    const plan = await planSyncRun({ runId });
    expect(plan.summary.counts).toMatchObject({ "group.create": 1, "account.create": 1 });
    expect(plan.planned).toBe(2);

    // The IM calls go out, then the process dies before the batch records them.
    const { target } = await openImTarget(connectionId);
    const ctx = {
      connectionId,
      target,
      rootGroupId: platformRootGroup(target),
      unitGroups: new Map<string, string | null>(),
    };
    const changes = await d.syncChange.findMany({ where: { runId }, orderBy: { seq: "asc" } });
    for (const change of changes)
      expect(await performChange(ctx, change)).toMatchObject({ status: "APPLIED" });
    expect(await d.syncChange.count({ where: { runId, status: "PLANNED" } })).toBe(2);
    const department = await d.sandboxImDepartment.findFirstOrThrow({
      where: { name: "容灾演练组" },
    });

    // The step is retried: it re-finds the department and the member instead of failing or duplicating them.
    const calls: string[] = [];
    const counted = new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop);
        return typeof value === "function"
          ? (...args: unknown[]) => (calls.push(String(prop)), value.apply(t, args))
          : value;
      },
    }) as ImTarget;
    for (const b of plan.batches) await applySyncBatch({ runId, ...b, target: counted });
    expect(await d.syncChange.count({ where: { runId, status: "APPLIED" } })).toBe(2);
    expect(await d.sandboxImDepartment.count({ where: { name: "容灾演练组" } })).toBe(1);
    expect(
      await d.imGroup.findFirst({ where: { connectionId, orgUnitCode: "XH-DR" } }),
    ).toMatchObject({ externalId: String(department.id), lastSyncedName: "容灾演练组" });
    expect(
      await d.sandboxImUser.findMany({
        where: { userid: "XH900011" },
        select: { departments: true },
      }),
    ).toEqual([{ departments: [department.id] }]);
    expect(
      await d.imAccount.findFirst({ where: { connectionId, imUserId: "XH900011" } }),
    ).toMatchObject({ state: "ACTIVE", groupIds: [String(department.id)] });

    // Recorded now: repeating the batch applies nothing again.
    calls.length = 0;
    for (const b of plan.batches)
      expect(await applySyncBatch({ runId, ...b, target: counted })).toEqual({
        applied: 2,
        failed: 0,
        skipped: 0,
      });
    expect(calls).toEqual([]);
    expect(await finishSyncRun(runId)).toEqual({
      status: "SUCCEEDED",
      applied: 2,
      failed: 0,
      skipped: 0,
    });
    expect(
      (await runFullSync({ connectionId, hrConnectionId, trigger: "test" })).plan.planned,
    ).toBe(0);
  });
});
