// Effective-dated transfers against the sandboxes, on a fake clock: HR schedules a move for tomorrow
// (pushed through the webhook path); the account stays in its group until the day begins on the
// employee's clock, then the lifecycle claim fires the step once and the account moves; HR sending the
// moved record leaves nothing to do; a rescheduled transfer moves its step, a withdrawn one cancels it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openImTarget } from "@/lib/connections/engine/open-connection";
import { addCalendarDays } from "@/lib/core/time/add-calendar-days";
import { localDate } from "@/lib/core/time/local-date";
import { localDayStart } from "@/lib/core/time/local-day-start";
import { loadEmployeeDetail } from "@/lib/org/queries/load-employee-detail";
import type { SimulationResult } from "@/lib/sandbox/hr/simulator/simulator-context";
import { transferEmployee, withdrawTransfer } from "@/lib/sandbox/hr/simulator/transfer-employee";
import { planProvision } from "@/lib/sync/engine/plan-provision";
import { mergeHrChange, runIncrementalSync } from "@/lib/sync/engine/run-incremental-sync";
import { planned, setupIncrementalWorld } from "@/lib/sync/engine/incremental-sync-test-env";
import { listScheduledChanges } from "../queries/list-scheduled-changes";
import { LIFECYCLE_WATERMARK_KEY } from "../types";
import { applyDueLifecycleChanges } from "./apply-due-lifecycle-changes";

const env = setupIncrementalWorld();
const MINUTE = 60_000;

describe("effective-dated transfers", () => {
  const { company, db } = env;
  const t0 = new Date();
  const [mover, stayer] = company.employees
    .filter((e) => e.status === "active" && e.unitCode !== "XH")
    .slice(-2);
  const dest = company.units.find((u) => u.parentCode && u.code !== mover.unitCode)!;
  const tomorrow = addCalendarDays(localDate(t0, mover.timeZone), 1);
  const moveAt = localDayStart(tomorrow, mover.timeZone);
  let connectionId: string;

  /** A sandbox HR change as its signed webhook delivers it, merged into the mirror. */
  async function push(change: Promise<SimulationResult<unknown>>) {
    const { event } = await change;
    const merged = await mergeHrChange(await env.normalise(event), env.hrConnectionId);
    expect(merged.applied).toBe(true);
    return merged;
  }
  const clearWatermark = async () =>
    (await db()).setting.deleteMany({ where: { key: LIFECYCLE_WATERMARK_KEY } });
  const groupOf = async (unitCode: string) =>
    (
      await (
        await db()
      ).imGroup.findFirstOrThrow({ where: { connectionId, orgUnitCode: unitCode } })
    ).externalId;
  const imUser = async (userid: string) =>
    (await db()).sandboxImUser.findUniqueOrThrow({ where: { userid } });

  beforeAll(async () => {
    connectionId = env.connectionId;
    await clearWatermark();
  });
  afterAll(clearWatermark);

  it("a transfer HR schedules for tomorrow is listed, and the account stays in its group now", async () => {
    const merged = await push(
      transferEmployee(env.hr.simulator, mover.employeeNo, {
        unitCode: dest.code,
        title: "Transferred lead",
        effectiveDate: tomorrow,
      }),
    );
    const d = await db();
    expect(
      await d.employee.findUniqueOrThrow({
        where: { employeeNo: mover.employeeNo },
        select: { transferUnitCode: true, transferDate: true, orgUnit: { select: { code: true } } },
      }),
    ).toEqual({
      transferUnitCode: dest.code,
      transferDate: new Date(`${tomorrow}T00:00:00Z`),
      orgUnit: { code: mover.unitCode },
    });
    // What the webhook path runs right after the merge: nothing to do yet.
    const run = await runIncrementalSync({
      connectionId,
      employeeNos: merged.employeeNos,
      trigger: "test:hr-webhook",
      now: t0,
    });
    expect(planned(run.plan.summary.counts)).toEqual({});
    expect((await imUser(mover.employeeNo)).departments.map(String)).toEqual([
      await groupOf(mover.unitCode),
    ]);

    const listed = (await listScheduledChanges({ now: t0 })).filter(
      (r) => r.employeeNo === mover.employeeNo,
    );
    expect(listed).toEqual([
      expect.objectContaining({
        type: "transfer",
        connectionId,
        effectiveAt: moveAt.toISOString(),
        timeZone: mover.timeZone,
        fromUnit: mover.unitCode,
        toUnit: dest.code,
        toUnitName: dest.name,
        due: false,
      }),
    ]);
    // The employee page and GET /api/v1/employees/{no} read the same.
    const detail = await loadEmployeeDetail(mover.employeeNo, { now: t0 });
    expect(detail.scheduledChanges).toEqual([
      expect.objectContaining({
        type: "transfer",
        effectiveAt: moveAt.toISOString(),
        fromUnit: mover.unitCode,
        toUnit: dest.code,
      }),
    ]);
    const { target } = await openImTarget(connectionId);
    const dry = await planProvision({
      employeeNo: mover.employeeNo,
      connectionId,
      target,
      now: t0,
    });
    expect(dry.calls).toEqual([]);
    expect(dry.trace).toContainEqual({
      rule: "effective_date",
      outcome: "transfer_pending",
      detail: {
        effectiveAt: moveAt.toISOString(),
        timeZone: mover.timeZone,
        fromUnit: mover.unitCode,
        toUnit: dest.code,
      },
    });
  });

  it("fires once when the day begins on the employee's clock: the account moves, with the new title", async () => {
    const early = await applyDueLifecycleChanges({ now: new Date(moveAt.getTime() - MINUTE) });
    expect(early.runs.flatMap((r) => r.employeeNos)).not.toContain(mover.employeeNo);
    expect((await imUser(mover.employeeNo)).departments.map(String)).toEqual([
      await groupOf(mover.unitCode),
    ]);

    const fired = await applyDueLifecycleChanges({ now: new Date(moveAt.getTime() + MINUTE) });
    expect(fired.runs).toEqual([
      expect.objectContaining({
        connectionId,
        employeeNos: [mover.employeeNo],
        status: "SUCCEEDED",
      }),
    ]);
    const user = await imUser(mover.employeeNo);
    expect(user.departments.map(String)).toEqual([await groupOf(dest.code)]);
    expect(user.position).toBe("Transferred lead");
    const d = await db();
    expect(
      await d.syncChange.findMany({
        where: { runId: fired.runs[0].runId, targetKey: mover.employeeNo },
        select: { op: true, status: true },
        orderBy: { seq: "asc" },
      }),
    ).toEqual([
      { op: "account.update", status: "APPLIED" },
      { op: "account.move", status: "APPLIED" },
    ]);

    // Claimed once: the same instant again runs nothing, a later tick not this employee.
    expect(
      (await applyDueLifecycleChanges({ now: new Date(moveAt.getTime() + MINUTE) })).runs,
    ).toEqual([]);
    const later = await applyDueLifecycleChanges({ now: new Date(moveAt.getTime() + 2 * MINUTE) });
    expect(later.runs.flatMap((r) => r.employeeNos)).not.toContain(mover.employeeNo);
    const after = new Date(moveAt.getTime() + 2 * MINUTE);
    expect(
      (await listScheduledChanges({ now: after })).filter((r) => r.employeeNo === mover.employeeNo),
    ).toEqual([]);
    const { target } = await openImTarget(connectionId);
    const dry = await planProvision({
      employeeNo: mover.employeeNo,
      connectionId,
      target,
      now: after,
    });
    expect(dry.calls).toEqual([]);
    expect(dry.trace).toContainEqual(
      expect.objectContaining({ rule: "effective_date", outcome: "transfer_in_effect" }),
    );
  });

  it("HR then sends the moved record: the pending transfer is done and nothing is left to do", async () => {
    const merged = await push(
      transferEmployee(env.hr.simulator, mover.employeeNo, {
        unitCode: dest.code,
        title: "Transferred lead",
      }),
    );
    const d = await db();
    expect(
      await d.employee.findUniqueOrThrow({
        where: { employeeNo: mover.employeeNo },
        select: { transferUnitCode: true, transferDate: true, orgUnit: { select: { code: true } } },
      }),
    ).toEqual({ transferUnitCode: null, transferDate: null, orgUnit: { code: dest.code } });
    const run = await runIncrementalSync({
      connectionId,
      employeeNos: merged.employeeNos,
      trigger: "test:hr-webhook",
      now: new Date(moveAt.getTime() + 3 * MINUTE),
    });
    expect(planned(run.plan.summary.counts)).toEqual({});
  });

  it("a rescheduled transfer moves its step; a withdrawn one cancels it and nobody moves", async () => {
    const now = new Date(moveAt.getTime() + 3 * MINUTE);
    const other = company.units.find((u) => u.parentCode && u.code !== stayer.unitCode)!;
    const day = (n: number) => addCalendarDays(localDate(now, stayer.timeZone), n);
    const stepsOf = async () =>
      (await listScheduledChanges({ now }))
        .filter((r) => r.employeeNo === stayer.employeeNo)
        .map((r) => [r.type, r.effectiveAt, r.toUnit]);

    await push(
      transferEmployee(env.hr.simulator, stayer.employeeNo, {
        unitCode: other.code,
        effectiveDate: day(2),
      }),
    );
    expect(await stepsOf()).toEqual([
      ["transfer", localDayStart(day(2), stayer.timeZone).toISOString(), other.code],
    ]);
    await push(
      transferEmployee(env.hr.simulator, stayer.employeeNo, {
        unitCode: other.code,
        effectiveDate: day(4),
      }),
    );
    const rescheduled = localDayStart(day(4), stayer.timeZone);
    expect(await stepsOf()).toEqual([["transfer", rescheduled.toISOString(), other.code]]);

    await push(withdrawTransfer(env.hr.simulator, stayer.employeeNo));
    expect(await stepsOf()).toEqual([]);
    const fired = await applyDueLifecycleChanges({
      now: new Date(rescheduled.getTime() + MINUTE),
    });
    expect(fired.runs.flatMap((r) => r.employeeNos)).not.toContain(stayer.employeeNo);
    expect((await imUser(stayer.employeeNo)).departments.map(String)).toEqual([
      await groupOf(stayer.unitCode),
    ]);
  });
});
