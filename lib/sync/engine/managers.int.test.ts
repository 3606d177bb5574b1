// Manager references through real full syncs into the sandbox IM (WeCom API: direct_leader), which refuses a
// leader that does not exist yet — so a report created before their manager would fail.
// Setup in sync-engine-test-env.ts: sandbox HR with the generated company, sandbox IM, connections.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDepartment } from "@/lib/sandbox/hr/simulator/create-department";
import { hireEmployee } from "@/lib/sandbox/hr/simulator/hire-employee";
import { ensureDemoMapping } from "@/lib/sandbox/demo/ensure-demo-mapping";
import { DEFAULT_AUTHORITY } from "../attribute-authority-schema";
import { saveAttributeAuthority } from "../commands/save-attribute-authority";
import { pullHrDirectory } from "./pull-hr-directory";
import { runFullSync } from "./run-full-sync";
import { runIncrementalSync } from "./run-incremental-sync";
import { setupSyncSandboxes } from "./sync-engine-test-env";

const env = setupSyncSandboxes();
const IT_ADMIN = { type: "user" as const, id: "it-1", name: "IT", roles: ["IT_ADMIN" as const] };
const REPORTS = ["MG0001", "MG0002", "MG0003"];
// Sorts after the reports: the plan must still create them first.
const BOSS = "MG0009";

describe("manager references against the sandboxes", () => {
  const { db } = env;
  let connectionId: string;
  let hrConnectionId: string;
  const sync = () => runFullSync({ connectionId, hrConnectionId, trigger: "test" });
  const simulator = async () => ({ db: await db() });
  const leaderOf = async (userid: string) =>
    (await (await db()).sandboxImUser.findUnique({ where: { userid } }))?.directLeader;
  const setManager = async (employeeNo: string, managerNo: string) =>
    (await db()).sandboxHrEmployee.update({
      where: { employeeNo },
      data: { managerNo, version: { increment: 1 }, updatedAt: new Date() },
    });
  const hire = async (employeeNo: string, unitCode: string, managerNo: string, n: number) =>
    hireEmployee(await simulator(), {
      employeeNo,
      name: `经理测试 ${employeeNo}`,
      mobile: `177000000${String(n).padStart(2, "0")}`,
      unitCode,
      managerNo,
      hireDate: "2020-01-01",
    });
  const managerConflicts = async () =>
    (
      await (
        await db()
      ).syncConflict.findMany({
        where: { connectionId, type: { in: ["manager_cycle", "manager_out_of_scope"] } },
        orderBy: [{ type: "asc" }, { subjectKey: "asc" }],
      })
    ).map((c) => ({
      type: c.type,
      subject: c.subjectKey,
      status: c.status,
      resolvedBy: c.resolvedBy,
    }));

  beforeAll(async () => {
    connectionId = env.connectionId;
    hrConnectionId = env.hrConnectionId;
    await pullHrDirectory({ hrConnectionId });
    expect(
      await ensureDemoMapping({ databaseUrl: inject("databaseUrl"), connectionName: "Test IM" }),
    ).toEqual({ created: true });
  });

  // Other test files share this database: leave no authority setting behind.
  afterAll(async () => {
    await saveAttributeAuthority({ connectionId, ...DEFAULT_AUTHORITY }, { actor: IT_ADMIN });
  });

  it("the first full sync writes the company's managers, every one created before their reports", async () => {
    const { finish } = await sync();
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    const withManager = env.company.employees.filter((e) => e.managerNo && e.status === "active");
    expect(withManager.length).toBeGreaterThan(50);
    for (const e of withManager.slice(0, 20))
      expect(await leaderOf(e.employeeNo)).toBe(e.managerNo);
    const replan = await sync();
    expect(replan.plan).toMatchObject({ status: "SUCCEEDED", planned: 0 });
  });

  it("a new department, its manager and three reports in one run: every report has the manager's IM id", async () => {
    await createDepartment(await simulator(), {
      code: "XH-MGR",
      name: "上级测试部",
      parentCode: "XH",
      managerNo: BOSS,
    });
    for (const [i, no] of REPORTS.entries()) await hire(no, "XH-MGR", BOSS, i + 1);
    await hire(BOSS, "XH-MGR", "XH000001", 9);
    const { plan, finish, runId } = await sync();
    expect(plan.summary.counts["account.create"]).toBe(4);
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    for (const no of REPORTS) expect(await leaderOf(no)).toBe(BOSS);
    expect(await leaderOf(BOSS)).toBe("XH000001");
    // The change log shows the order and the pending reference.
    const creates = await (
      await db()
    ).syncChange.findMany({ where: { runId, op: "account.create" }, orderBy: { seq: "asc" } });
    expect(creates.map((c) => c.targetKey)).toEqual([BOSS, ...REPORTS]);
    expect(creates[1].after).toMatchObject({ manager: { pendingEmployeeNo: BOSS } });
    expect(creates[0].after).toMatchObject({
      manager: { employeeNo: "XH000001", imUserId: "XH000001" },
    });
  });

  it("a manager loop is a conflict per person on it; the rest of the run is synced; fixing HR closes them", async () => {
    await setManager("MG0001", "MG0002");
    await setManager("MG0002", "MG0001");
    await hire("MG0005", "XH-MGR", BOSS, 5);
    const { finish } = await sync();
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect(await leaderOf("MG0005")).toBe(BOSS);
    // Not written: the IM keeps the manager it had.
    expect(await leaderOf("MG0001")).toBe(BOSS);
    expect(await leaderOf("MG0002")).toBe(BOSS);
    expect(await managerConflicts()).toEqual([
      { type: "manager_cycle", subject: "MG0001", status: "OPEN", resolvedBy: null },
      { type: "manager_cycle", subject: "MG0002", status: "OPEN", resolvedBy: null },
    ]);

    await setManager("MG0002", "MG0005");
    await setManager("MG0001", "MG0002");
    const fixed = await sync();
    expect(fixed.finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect(await leaderOf("MG0001")).toBe("MG0002");
    expect(await leaderOf("MG0002")).toBe("MG0005");
    expect(await managerConflicts()).toEqual([
      { type: "manager_cycle", subject: "MG0001", status: "RESOLVED", resolvedBy: "sync" },
      { type: "manager_cycle", subject: "MG0002", status: "RESOLVED", resolvedBy: "sync" },
    ]);
  });

  it("a manager in an excluded unit is a conflict, and the report is created without a manager", async () => {
    const d = await db();
    await createDepartment(await simulator(), {
      code: "XH-MGX",
      name: "排除测试部",
      parentCode: "XH",
    });
    await hire("MX0001", "XH-MGX", "XH000001", 11);
    await hire("MG0006", "XH-MGR", "MX0001", 6);
    await pullHrDirectory({ hrConnectionId });
    const unit = await d.orgUnit.findUniqueOrThrow({ where: { code: "XH-MGX" } });
    await d.orgMapping.create({
      data: {
        orgUnitId: unit.id,
        connectionId,
        mode: "EXCLUDE",
        includeDescendants: true,
        namingTemplate: "{name}",
      },
    });
    const { finish } = await sync();
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect(await d.sandboxImUser.findUnique({ where: { userid: "MX0001" } })).toBeNull();
    expect(await leaderOf("MG0006")).toBeNull();
    const conflict = await d.syncConflict.findFirstOrThrow({
      where: { connectionId, type: "manager_out_of_scope", subjectKey: "MG0006" },
    });
    expect(conflict).toMatchObject({
      status: "OPEN",
      hrValue: { employeeNo: "MG0006", managerNo: "MX0001", reason: "not_synced" },
    });

    // Back in scope: the manager is created first, the report gets them, the conflict closes itself.
    await d.orgMapping.deleteMany({ where: { orgUnitId: unit.id, connectionId } });
    expect((await sync()).finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect(await leaderOf("MG0006")).toBe("MX0001");
    expect(
      await d.syncConflict.findUniqueOrThrow({ where: { fingerprint: conflict.fingerprint } }),
    ).toMatchObject({ status: "RESOLVED", resolvedBy: "sync" });
  });

  it("incremental: a report pushed before their manager waits in a conflict; the manager's own run writes it", async () => {
    const d = await db();
    const incremental = (employeeNos: string[]) =>
      runIncrementalSync({ connectionId, employeeNos, trigger: "test" });
    await hire("MG0007", "XH-MGR", "MG0010", 7);
    await pullHrDirectory({ hrConnectionId });
    expect((await incremental(["MG0007"])).finish).toMatchObject({ failed: 0 });
    expect(await leaderOf("MG0007")).toBeNull();
    const waiting = await d.syncConflict.findFirstOrThrow({
      where: { connectionId, subjectKey: "MG0007" },
    });
    expect(waiting).toMatchObject({
      type: "manager_out_of_scope",
      status: "OPEN",
      hrValue: { managerNo: "MG0010", reason: "not_in_hr" },
    });

    await hire("MG0010", "XH-MGR", BOSS, 10);
    await pullHrDirectory({ hrConnectionId });
    const { finish } = await incremental(["MG0010"]);
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect(await leaderOf("MG0010")).toBe(BOSS);
    expect(await leaderOf("MG0007")).toBe("MG0010");
    expect(
      await d.syncConflict.findUniqueOrThrow({ where: { fingerprint: waiting.fingerprint } }),
    ).toMatchObject({ status: "RESOLVED", resolvedBy: "sync" });
  });

  it("manager authority 'set once': a later HR manager change is not written; 'HR wins' writes it", async () => {
    await saveAttributeAuthority(
      { connectionId, ...DEFAULT_AUTHORITY, manager: "set_once" },
      { actor: IT_ADMIN },
    );
    await setManager("MG0003", "MG0005");
    const { plan } = await sync();
    expect(plan).toMatchObject({ status: "SUCCEEDED", planned: 0 });
    expect(await leaderOf("MG0003")).toBe(BOSS);

    await saveAttributeAuthority({ connectionId, ...DEFAULT_AUTHORITY }, { actor: IT_ADMIN });
    const { plan: again, finish } = await sync();
    expect(again.summary.counts["account.update"]).toBe(1);
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect(await leaderOf("MG0003")).toBe("MG0005");
  });
});
