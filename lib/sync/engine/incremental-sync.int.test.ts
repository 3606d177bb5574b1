// The incremental sync: pushed hires, repeats and stale versions, HR out of order, and the
// hr-incremental-sync → hr-target-sync functions; setup in incremental-sync-test-env.ts.
import { beforeAll, describe, expect, it } from "vitest";
import type { SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { hireEmployee } from "@/lib/sandbox/hr/simulator/hire-employee";
import { terminateEmployee } from "@/lib/sandbox/hr/simulator/terminate-employee";
import { transferEmployee } from "@/lib/sandbox/hr/simulator/transfer-employee";
import { runFullSync } from "./run-full-sync";
import { mergeHrChange, runIncrementalSync, type HrChange } from "./run-incremental-sync";
import { planned, pushThroughFunctions, setupIncrementalWorld } from "./incremental-sync-test-env";

const env = setupIncrementalWorld();

describe("HR webhooks and the incremental sync", () => {
  const { db, normalise } = env;
  let hr: SandboxHrServer;
  let connectionId: string;
  let hrConnectionId: string;
  beforeAll(() => {
    ({ hr, connectionId, hrConnectionId } = env);
  });

  it("a pushed hire creates the IM account in the mapped department, scoped to that employee", async () => {
    const { event } = await hireEmployee(hr.simulator, {
      employeeNo: "XH910001",
      name: "韩雪",
      unitCode: "XH-RD-FE",
      email: "han.xue@incr.example",
      mobile: "13700000001",
    });
    const merged = await mergeHrChange(await normalise(event));
    expect(merged).toMatchObject({ applied: true, employeeNos: ["XH910001"], placeholders: [] });
    const run = await runIncrementalSync({
      connectionId,
      employeeNos: merged.employeeNos,
      trigger: `hr-webhook:${event.id}`,
    });
    expect(planned(run.plan.summary.counts)).toEqual({ "account.create": 1 });
    expect(run.finish).toMatchObject({ status: "SUCCEEDED", applied: 1, failed: 0 });
    const d = await db();
    const user = await d.sandboxImUser.findUniqueOrThrow({ where: { userid: "XH910001" } });
    const fe = await d.imGroup.findFirstOrThrow({
      where: { connectionId, orgUnitCode: "XH-RD-FE" },
    });
    expect(user.departments.map(String)).toEqual([fe.externalId]);
    expect(await d.syncRun.findUniqueOrThrow({ where: { id: run.runId } })).toMatchObject({
      kind: "INCREMENTAL",
      trigger: `hr-webhook:${event.id}`,
    });
    const told = await d.callbackEvent.findMany({
      where: { source: "sync", data: { path: ["employeeNo"], equals: "XH910001" } },
      include: { deliveries: true },
    });
    expect(told).toEqual([
      expect.objectContaining({
        type: "employee.provisioned",
        data: expect.objectContaining({
          imUserId: "XH910001",
          orgUnitCode: "XH-RD-FE",
          provider: "sandbox-im",
        }),
        deliveries: [expect.anything()],
      }),
    ]);
    expect(
      await d.callbackEvent.findUnique({ where: { id: `sync.completed:${run.runId}` } }),
    ).toMatchObject({
      data: expect.objectContaining({
        mode: "incremental",
        status: "succeeded",
        counts: expect.objectContaining({ created: 1 }),
      }),
    });
  });

  it("the same change delivered twice, or an older version after a newer one, changes nothing", async () => {
    const { event } = await transferEmployee(hr.simulator, "XH910001", { unitCode: "XH-RD" });
    const change = await normalise(event);
    expect((await mergeHrChange(change)).applied).toBe(true);
    expect(await mergeHrChange(change)).toMatchObject({ applied: false, employeeNos: [] });
    const older = {
      ...change,
      record: { ...change.record, version: 1, unitCode: "XH-RD-FE" },
    } as HrChange;
    expect((await mergeHrChange(older)).applied).toBe(false);
    const d = await db();
    expect(
      (
        await d.employee.findUniqueOrThrow({
          where: { employeeNo: "XH910001" },
          include: { orgUnit: true },
        })
      ).orgUnit?.code,
    ).toBe("XH-RD");
    // The transfer then moves the membership.
    const run = await runIncrementalSync({
      connectionId,
      employeeNos: ["XH910001"],
      trigger: "test",
    });
    expect(planned(run.plan.summary.counts)).toEqual({ "account.move": 1 });
    const rd = await d.imGroup.findFirstOrThrow({ where: { connectionId, orgUnitCode: "XH-RD" } });
    expect(
      (await d.sandboxImUser.findUniqueOrThrow({ where: { userid: "XH910001" } })).departments.map(
        String,
      ),
    ).toEqual([rd.externalId]);
  });

  it("an update that arrives before its create converges to the newest version", async () => {
    const base = {
      employeeNo: "XH910002",
      name: "乔木",
      status: "active",
      unitCode: "XH-RD-FE",
      email: "qiao.mu@incr.example",
      mobile: "13700000002",
    };
    const v2 = await normalise({
      type: "employee.changed",
      id: "evt_v2",
      occurredAt: new Date().toISOString(),
      data: { ...base, title: "高级工程师", version: 2 },
    });
    const v1 = await normalise({
      type: "employee.changed",
      id: "evt_v1",
      occurredAt: new Date().toISOString(),
      data: { ...base, title: "工程师", version: 1 },
    });
    expect((await mergeHrChange(v2)).applied).toBe(true);
    expect((await mergeHrChange(v1)).applied).toBe(false);
    const d = await db();
    expect(await d.employee.findUniqueOrThrow({ where: { employeeNo: "XH910002" } })).toMatchObject(
      { title: "高级工程师", sourceVersion: 2n },
    );
  });

  it("a department that arrives before its parent hangs under a placeholder until the parent comes, then the sync nests the groups right", async () => {
    const child = await normalise({
      type: "org_unit.changed",
      id: "evt_child",
      occurredAt: new Date().toISOString(),
      data: {
        code: "XH-NEW-KID",
        name: "新业务一组",
        parentCode: "XH-NEW",
        active: true,
        version: 1,
      },
    });
    const merged = await mergeHrChange(child);
    expect(merged).toMatchObject({ applied: true, placeholders: ["XH-NEW"] });
    const d = await db();
    expect(await d.orgUnit.findUniqueOrThrow({ where: { code: "XH-NEW" } })).toMatchObject({
      name: "XH-NEW",
      sourceVersion: 0n,
    });
    const parent = await normalise({
      type: "org_unit.changed",
      id: "evt_parent",
      occurredAt: new Date().toISOString(),
      data: { code: "XH-NEW", name: "新业务部", parentCode: "XH", active: true, version: 1 },
    });
    expect((await mergeHrChange(parent)).applied).toBe(true);
    const kid = await d.orgUnit.findUniqueOrThrow({
      where: { code: "XH-NEW-KID" },
      include: { parent: true },
    });
    expect(kid).toMatchObject({
      path: "/XH/XH-NEW/XH-NEW-KID",
      depth: 2,
      parent: expect.objectContaining({ code: "XH-NEW", name: "新业务部" }),
    });

    const run = await runIncrementalSync({ connectionId, employeeNos: [], trigger: "test" });
    expect(planned(run.plan.summary.counts)).toEqual({ "group.create": 2 });
    const newGroup = await d.imGroup.findFirstOrThrow({
      where: { connectionId, orgUnitCode: "XH-NEW" },
    });
    const kidGroup = await d.imGroup.findFirstOrThrow({
      where: { connectionId, orgUnitCode: "XH-NEW-KID" },
    });
    const depts = await d.sandboxImDepartment.findMany({
      where: { id: { in: [Number(newGroup.externalId), Number(kidGroup.externalId)] } },
    });
    expect(depts.find((x) => String(x.id) === kidGroup.externalId)?.parentId).toBe(
      Number(newGroup.externalId),
    );
    expect(depts.find((x) => String(x.id) === newGroup.externalId)?.name).toBe("新业务部");
  });

  it("the hr-incremental-sync function merges a termination and disables the account; a full sync afterwards agrees", async () => {
    const { event } = await terminateEmployee(hr.simulator, "XH910001", {
      reason: "个人原因",
      date: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
    });
    const change = await normalise(event);
    const data = {
      hrConnectionId,
      webhookId: event.id,
      occurredAt: event.occurredAt,
      record: change.record,
    };
    const out = await pushThroughFunctions("hr/employee.changed", data);
    expect(out.result).toMatchObject({ merged: 1 });
    expect(out.runs).toEqual([expect.objectContaining({ connectionId, failed: 0 })]);
    const d = await db();
    const account = await d.imAccount.findFirstOrThrow({
      where: { connectionId, imUserId: "XH910001" },
    });
    expect(account.state).toBe("DISABLED");
    expect(
      (await d.sandboxImUser.findUniqueOrThrow({ where: { userid: "XH910001" } })).enable,
    ).toBe(0);
    expect(
      await d.callbackEvent.findFirst({
        where: {
          type: "employee.deprovisioned",
          data: { path: ["employeeNo"], equals: "XH910001" },
        },
      }),
    ).toMatchObject({
      data: expect.objectContaining({ reason: "terminated", imUserId: "XH910001" }),
    });
    // The full sync agrees with every account the pushes produced. The two departments pushed by hand above
    // never existed in the sandbox HR, so its full pull retires them and their empty groups go: the nightly
    // full sync is the safety net for whatever pushes got wrong or missed.
    const full = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(planned(full.plan.summary.counts)).toEqual({ "group.delete": 2 });
    expect(full.finish?.status).toBe("SUCCEEDED");
    expect(
      planned(
        (await runFullSync({ connectionId, hrConnectionId, trigger: "test" })).plan.summary.counts,
      ),
    ).toEqual({});
  });
});
