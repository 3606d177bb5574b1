// Effective-dated joiner / leaver against the sandboxes, on a fake clock: a future hire is pre-boarded
// disabled and enabled at the start of their first day (in their own zone); a leaver is disabled at the
// end of their last day, their group chats go to their manager, and the account is deleted after the
// grace period; each scheduled step fires once.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { addCalendarDays } from "@/lib/core/time/add-calendar-days";
import { localDate } from "@/lib/core/time/local-date";
import { localDayStart } from "@/lib/core/time/local-day-start";
import { ensureDemoMapping } from "@/lib/sandbox/demo/ensure-demo-mapping";
import { hireEmployee } from "@/lib/sandbox/hr/simulator/hire-employee";
import { terminateEmployee } from "@/lib/sandbox/hr/simulator/terminate-employee";
import { createSandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";
import { pullHrDirectory } from "@/lib/sync/engine/pull-hr-directory";
import { runFullSync } from "@/lib/sync/engine/run-full-sync";
import { runIncrementalSync } from "@/lib/sync/engine/run-incremental-sync";
import { handOverOwnedGroups } from "@/lib/sync/engine/hand-over-owned-groups";
import { openImTarget } from "@/lib/connections/engine/open-connection";
import { setupSyncSandboxes } from "@/lib/sync/engine/sync-engine-test-env";
import { listScheduledChanges } from "../queries/list-scheduled-changes";
import { applyDueLifecycleChanges } from "./apply-due-lifecycle-changes";

const env = setupSyncSandboxes();
const MINUTE = 60_000;

describe("effective-dated joiner / leaver", () => {
  const { company, db } = env;
  const t0 = new Date();
  const today = localDate(t0, "Asia/Shanghai");
  const hireNo = "E90001";
  const hireDate = addCalendarDays(today, 2);
  // The hire works from Santiago: their first day starts on Santiago's wall clock.
  const startAt = localDayStart(hireDate, "America/Santiago");
  const leaver = company.employees.find(
    (e) =>
      e.status === "active" &&
      e.managerNo &&
      company.employees.find((m) => m.employeeNo === e.managerNo)?.status === "active",
  )!;
  let connectionId: string;

  beforeAll(async () => {
    connectionId = env.connectionId;
    const d = await db();
    await d.$executeRawUnsafe(`TRUNCATE "Setting", "SandboxImGroupChat"`);
    // The mapping names the HR root unit, so the mirror must hold it first.
    await pullHrDirectory({ hrConnectionId: env.hrConnectionId });
    await ensureDemoMapping({ databaseUrl: inject("databaseUrl"), connectionName: "Test IM" });
    const full = await runFullSync({
      connectionId,
      hrConnectionId: env.hrConnectionId,
      trigger: "test",
      now: t0,
    });
    expect(full.finish?.status).toBe("SUCCEEDED");
    const sandbox = createSandboxDb(inject("databaseUrl"), 2);
    try {
      await hireEmployee(
        { db: sandbox },
        {
          employeeNo: hireNo,
          name: "Future Hire",
          email: "future.hire@xinghe.example",
          unitCode: leaver.unitCode,
          hireDate,
          timeZone: "America/Santiago",
        },
      );
      await terminateEmployee({ db: sandbox }, leaver.employeeNo, { date: today });
    } finally {
      await sandbox.$disconnect();
    }
    await pullHrDirectory({ hrConnectionId: env.hrConnectionId });
    // Two customer group chats the leaver owns in the IM, one they only belong to.
    await d.sandboxImGroupChat.createMany({
      data: [
        { chatId: "wr-chat-1", name: "Key accounts", owner: leaver.employeeNo },
        { chatId: "wr-chat-2", name: "Launch", owner: leaver.employeeNo },
        {
          chatId: "wr-chat-3",
          name: "Other",
          owner: leaver.managerNo!,
          members: [leaver.employeeNo],
        },
      ],
    });
  });

  it("lists what will happen to whom and when, in the employee's zone", async () => {
    const rows = await listScheduledChanges({ now: t0 });
    const mine = rows.filter((r) => [hireNo, leaver.employeeNo].includes(r.employeeNo));
    const disable = mine.find((r) => r.type === "disable")!;
    const lastDayEnd = localDayStart(addCalendarDays(today, 1), disable.timeZone);
    expect(mine.map((r) => [r.type, r.employeeNo, r.effectiveAt, r.due])).toEqual(
      expect.arrayContaining([
        // Pre-boarding (3 days ahead by default) has already begun: due now.
        [
          "preboard",
          hireNo,
          localDayStart(addCalendarDays(hireDate, -3), "America/Santiago").toISOString(),
          true,
        ],
        ["enable", hireNo, startAt.toISOString(), false],
        ["disable", leaver.employeeNo, lastDayEnd.toISOString(), false],
        // 30 calendar days after the disable, on the leaver's wall clock.
        [
          "delete",
          leaver.employeeNo,
          localDayStart(addCalendarDays(today, 31), disable.timeZone).toISOString(),
          false,
        ],
      ]),
    );
    expect(mine).toHaveLength(4);
    expect(mine.find((r) => r.employeeNo === hireNo)?.timeZone).toBe("America/Santiago");
  });

  it("pre-boards the hire: the account exists in the IM, disabled, remembered as pending", async () => {
    const run = await runIncrementalSync({
      connectionId,
      employeeNos: [hireNo],
      trigger: "test:hr-webhook",
      now: t0,
    });
    expect(run.finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    const d = await db();
    expect(await d.sandboxImUser.findUniqueOrThrow({ where: { userid: hireNo } })).toMatchObject({
      enable: 0,
    });
    const account = await d.imAccount.findFirstOrThrow({
      where: { connectionId, employee: { employeeNo: hireNo } },
    });
    expect(account.state).toBe("PENDING");
    const left = (await listScheduledChanges({ now: t0 })).filter((r) => r.employeeNo === hireNo);
    expect(left.map((r) => r.type)).toEqual(["enable"]);
  });

  it("disables the leaver when their last day ends, hands their chats to the manager, once", async () => {
    const lastDayEnd = new Date(
      (await listScheduledChanges({ now: t0 })).find(
        (r) => r.employeeNo === leaver.employeeNo && r.type === "disable",
      )!.effectiveAt,
    );
    const d = await db();
    // A minute before the end of the day nothing happens to them.
    const early = await applyDueLifecycleChanges({ now: new Date(lastDayEnd.getTime() - MINUTE) });
    expect(early.runs.flatMap((r) => r.employeeNos)).not.toContain(leaver.employeeNo);
    expect(
      (await d.sandboxImUser.findUniqueOrThrow({ where: { userid: leaver.employeeNo } })).enable,
    ).toBe(1);

    const fired = await applyDueLifecycleChanges({ now: new Date(lastDayEnd.getTime() + MINUTE) });
    expect(fired.runs).toEqual([
      expect.objectContaining({
        connectionId,
        employeeNos: [leaver.employeeNo],
        status: "SUCCEEDED",
      }),
    ]);
    expect(
      (await d.sandboxImUser.findUniqueOrThrow({ where: { userid: leaver.employeeNo } })).enable,
    ).toBe(0);
    expect(
      await d.imAccount.findFirstOrThrow({
        where: { connectionId, employee: { employeeNo: leaver.employeeNo } },
      }),
    ).toMatchObject({ state: "DISABLED", disabledAt: lastDayEnd });
    const chats = await d.sandboxImGroupChat.findMany({ orderBy: { chatId: "asc" } });
    expect(chats.map((c) => [c.chatId, c.owner])).toEqual([
      ["wr-chat-1", leaver.managerNo],
      ["wr-chat-2", leaver.managerNo],
      ["wr-chat-3", leaver.managerNo],
    ]);
    const audit = await d.auditLog.findFirstOrThrow({
      where: { action: "account.groups_handed_over" },
    });
    expect(audit.after).toMatchObject({
      employeeNo: leaver.employeeNo,
      to: leaver.managerNo,
      transferred: ["wr-chat-1", "wr-chat-2"],
      failed: [],
    });
    // The same instant again: already claimed, nothing runs.
    const again = await applyDueLifecycleChanges({ now: new Date(lastDayEnd.getTime() + MINUTE) });
    expect(again.runs).toEqual([]);
    const later = await applyDueLifecycleChanges({
      now: new Date(lastDayEnd.getTime() + 2 * MINUTE),
    });
    expect(later.runs.flatMap((r) => r.employeeNos)).not.toContain(leaver.employeeNo);
  });

  it("enables the pre-boarded hire at the start of their first day in Santiago", async () => {
    const d = await db();
    await applyDueLifecycleChanges({ now: new Date(startAt.getTime() - MINUTE) });
    expect((await d.sandboxImUser.findUniqueOrThrow({ where: { userid: hireNo } })).enable).toBe(0);
    const fired = await applyDueLifecycleChanges({ now: new Date(startAt.getTime() + MINUTE) });
    expect(fired.runs.flatMap((r) => r.employeeNos)).toEqual([hireNo]);
    expect((await d.sandboxImUser.findUniqueOrThrow({ where: { userid: hireNo } })).enable).toBe(1);
    expect(
      await d.imAccount.findFirstOrThrow({
        where: { connectionId, employee: { employeeNo: hireNo } },
      }),
    ).toMatchObject({ state: "ACTIVE" });
  });

  it("deletes the leaver's account when the 30-day grace has passed, not before", async () => {
    const d = await db();
    const deleteAt = new Date(
      (await listScheduledChanges({ now: new Date(startAt.getTime() + 2 * MINUTE) })).find(
        (r) => r.employeeNo === leaver.employeeNo && r.type === "delete",
      )!.effectiveAt,
    );
    await applyDueLifecycleChanges({ now: new Date(deleteAt.getTime() - MINUTE) });
    expect(
      await d.sandboxImUser.findUnique({ where: { userid: leaver.employeeNo } }),
    ).not.toBeNull();
    const fired = await applyDueLifecycleChanges({ now: new Date(deleteAt.getTime() + MINUTE) });
    expect(fired.runs.flatMap((r) => r.employeeNos)).toContain(leaver.employeeNo);
    expect(await d.sandboxImUser.findUnique({ where: { userid: leaver.employeeNo } })).toBeNull();
    expect(
      await d.imAccount.findFirstOrThrow({
        where: { connectionId, employee: { employeeNo: leaver.employeeNo } },
      }),
    ).toMatchObject({ state: "DELETED" });
    const rows = await listScheduledChanges({ now: new Date(deleteAt.getTime() + 2 * MINUTE) });
    expect(rows.filter((r) => r.employeeNo === leaver.employeeNo)).toEqual([]);
  });

  it("says so, audited, where the platform cannot hand chats over or the leaver has no manager", async () => {
    const d = await db();
    const { target } = await openImTarget(connectionId);
    const boss = company.employees.find((e) => !e.managerNo && e.status === "active")!;
    const cannot = {
      ...target,
      capabilities: { ...target.capabilities, canTransferGroupOwnership: false },
    };
    expect(
      await handOverOwnedGroups({
        connectionId,
        target: cannot,
        employeeNo: boss.employeeNo,
        imUserId: boss.employeeNo,
      }),
    ).toEqual({ outcome: "unsupported" });
    expect(
      await handOverOwnedGroups({
        connectionId,
        target,
        employeeNo: boss.employeeNo,
        imUserId: boss.employeeNo,
      }),
    ).toEqual({ outcome: "no_manager" });
    const actions = await d.auditLog.findMany({
      where: { targetId: `${connectionId}:${boss.employeeNo}` },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => [a.action, a.actorType])).toEqual([
      ["account.groups_unsupported", "system"],
      ["account.groups_no_manager", "system"],
    ]);
  });
});
