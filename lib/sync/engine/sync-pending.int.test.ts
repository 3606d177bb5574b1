// The per-target queue between hr-incremental-sync and hr-target-sync: a target run drains every
// employee queued for its target, whichever merge queued them, and applies each exactly once; a
// change merged while a run applies stays queued for the next run.
import { beforeAll, describe, expect, it } from "vitest";
import type { HrWebhookPayload } from "@/lib/sandbox/hr/emit-hr-webhook";
import {
  applyTargetEvent,
  mergeThroughFunction,
  setupIncrementalWorld,
} from "./incremental-sync-test-env";
import { mergeHrChanges } from "./run-incremental-sync";
import { clearPendingEmployees, queuePendingEmployees, readPendingEmployees } from "./sync-pending";

const env = setupIncrementalWorld({ recordImRequests: true });

describe("the per-target queue of merged employees", () => {
  const { db, normalise } = env;
  let connectionId: string;
  let hrConnectionId: string;
  beforeAll(() => {
    ({ connectionId, hrConnectionId } = env);
  });

  const hire = (employeeNo: string, i: number): HrWebhookPayload => ({
    type: "employee.changed",
    id: `evt_${employeeNo}`,
    occurredAt: new Date().toISOString(),
    data: {
      employeeNo,
      name: `排队${i}`,
      status: "active",
      unitCode: "XH",
      email: `${employeeNo.toLowerCase()}@queue.example`,
      mobile: `139${employeeNo.slice(2).padStart(8, "0")}`,
      version: 1,
    },
  });

  async function merge(payload: HrWebhookPayload) {
    const change = await normalise(payload);
    return mergeThroughFunction("hr/employee.changed", {
      hrConnectionId,
      webhookId: payload.id,
      occurredAt: payload.occurredAt,
      record: change.record,
    });
  }

  const userCreates = (from: number) =>
    env.im
      .requests()
      .slice(from)
      .filter((r) => r.path.endsWith("/user/create"));

  it("a re-queue while a run applies keeps the newer version queued; clearing removes only what was read", async () => {
    await queuePendingEmployees([connectionId], ["QX1", "QX2"]);
    const read = await readPendingEmployees(connectionId);
    expect(read.employeeNos).toEqual(["QX1", "QX2"]);
    await queuePendingEmployees([connectionId], ["QX2"]); // merged again meanwhile
    expect(await clearPendingEmployees(connectionId, read)).toBe(1);
    const left = await readPendingEmployees(connectionId);
    expect(left.employeeNos).toEqual(["QX2"]);
    expect(left.versions).toEqual([2]);
    await clearPendingEmployees(connectionId, left);
    expect((await readPendingEmployees(connectionId)).employeeNos).toEqual([]);
  });

  it("the first target run applies what three merges queued; the nudges behind it find nothing and apply nothing", async () => {
    const from = env.im.requests().length;
    const nos = ["QD1", "QD2", "QD3"];
    const merged = [];
    for (const [i, no] of nos.entries()) merged.push(await merge(hire(no, i)));
    const nudges = merged.flatMap((m) => m.sent);
    expect(nudges).toHaveLength(3);
    expect((await readPendingEmployees(connectionId)).employeeNos).toEqual(nos);

    const first = (await applyTargetEvent(nudges[0])) as { employees: number; planned: number };
    expect(first).toMatchObject({ employees: 3, planned: 3, failed: 0 });
    for (const n of nudges.slice(1))
      expect(await applyTargetEvent(n)).toMatchObject({ employees: 0, drainedEarlier: true });

    expect(userCreates(from).map((r) => r.errcode)).toEqual([0, 0, 0]);
    const d = await db();
    const accounts = await d.imAccount.findMany({
      where: { connectionId, employee: { employeeNo: { in: nos } } },
      select: { imUserId: true, state: true },
    });
    expect(accounts).toHaveLength(3);
    expect(await d.sandboxImUser.count({ where: { email: { endsWith: "@queue.example" } } })).toBe(
      3,
    );
    expect((await readPendingEmployees(connectionId)).employeeNos).toEqual([]);
  });

  it("a retried merge still names the employees of records its first attempt already merged", async () => {
    const change = await normalise(hire("QR1", 7));
    const first = await mergeHrChanges([{ change, sourceConnectionId: hrConnectionId }]);
    expect(first[0]).toMatchObject({ applied: true, employeeNos: ["QR1"] });
    // The mirror holds this version now: a plain repeat is a stale delivery and names nobody…
    const repeat = await mergeHrChanges([{ change, sourceConnectionId: hrConnectionId }]);
    expect(repeat[0]).toMatchObject({ applied: false, employeeNos: [] });
    // …but a retry of a merge that may have failed before queuing must still queue them.
    const retried = await mergeHrChanges([{ change, sourceConnectionId: hrConnectionId }], {
      staleAffects: true,
    });
    expect(retried[0]).toMatchObject({ applied: false, employeeNos: ["QR1"] });
  });

  it("a target that has not had its first full sync queues nothing", async () => {
    const d = await db();
    const runs = await d.syncRun.findMany({
      where: { connectionId, kind: "FULL" },
      select: { id: true, status: true },
    });
    await d.syncRun.updateMany({
      where: { connectionId, kind: "FULL" },
      data: { status: "FAILED" },
    });
    try {
      const m = await merge(hire("QN1", 9));
      expect(m.sent).toEqual([]);
      expect((await readPendingEmployees(connectionId)).employeeNos).toEqual([]);
    } finally {
      for (const r of runs)
        await d.syncRun.update({ where: { id: r.id }, data: { status: r.status } });
    }
  });
});
