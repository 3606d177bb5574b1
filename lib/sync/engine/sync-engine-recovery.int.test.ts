// Sync engine against the sandboxes: IM failures and retries, the safety threshold, repeating a batch
// after a crash; setup in sync-engine-test-env.ts.
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { bulkTerminate } from "@/lib/sandbox/hr/simulator/bulk-simulations";
import { hireEmployee } from "@/lib/sandbox/hr/simulator/hire-employee";
import type { SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
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
  // Where sync-engine.int.test.ts leaves off: the directory pulled, the demo mapping, a full sync done.
  beforeAll(async () => {
    await pullHrDirectory({ hrConnectionId });
    expect(
      await ensureDemoMapping({ databaseUrl: inject("databaseUrl"), connectionName: "Test IM" }),
    ).toEqual({ created: true });
    const { finish } = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
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
