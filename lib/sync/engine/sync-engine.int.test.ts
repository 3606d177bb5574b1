// Sync engine against the sandboxes: pulling, the demo mapping, full syncs, the Inngest function,
// hires, renames and moves; setup in sync-engine-test-env.ts.
import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_ONBOARDING_LEAD_DAYS } from "@/lib/sandbox/demo/generate-company";
import type { SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { hireEmployee } from "@/lib/sandbox/hr/simulator/hire-employee";
import { moveDepartment } from "@/lib/sandbox/hr/simulator/move-department";
import { renameDepartment } from "@/lib/sandbox/hr/simulator/rename-department";
import { renameDepartmentManually } from "@/lib/sandbox/im/rename-department-manually";
import type { SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { ensureDemoMapping } from "../../sandbox/demo/ensure-demo-mapping";
import { pullHrDirectory } from "./pull-hr-directory";
import { runFullSync } from "./run-full-sync";
import { setupSyncSandboxes } from "./sync-engine-test-env";

const env = setupSyncSandboxes();

describe("sync engine against the sandboxes", () => {
  const { company, db } = env;
  let hr: SandboxHrServer;
  let im: SandboxImServer;
  let connectionId: string;
  let hrConnectionId: string;
  beforeAll(() => {
    hr = env.hr!;
    im = env.im!;
    connectionId = env.connectionId;
    hrConnectionId = env.hrConnectionId;
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
    // A rename by hand is only visible to a deep read on WeCom (list-im-groups.ts): an ordinary
    // full sync takes the name OrgBridge wrote, plans nothing and raises nothing; the weekly deep
    // read (the scheduled sync on Sundays) finds it.
    const shallow = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(shallow.plan.planned).toBe(0);
    expect(
      await d.syncConflict.findFirst({ where: { connectionId, type: "im_group_renamed" } }),
    ).toBeNull();
    const next = await runFullSync({
      connectionId,
      hrConnectionId,
      trigger: "test",
      deepImRead: true,
    });
    expect(next.plan.planned).toBe(0);
    expect(
      await d.syncConflict.findFirst({ where: { connectionId, type: "im_group_renamed" } }),
    ).toMatchObject({ status: "OPEN", subjectKey: String(await groupOf("XH-RD-FE")) });
  });
});
