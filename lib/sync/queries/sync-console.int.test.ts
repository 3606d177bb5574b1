import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { approveHeldRun } from "../commands/approve-held-run";
import { getSyncRun } from "./get-sync-run";
import { listSyncChanges } from "./list-sync-changes";
import { listSyncRuns } from "./list-sync-runs";
import { rejectHeldRun } from "../commands/reject-held-run";
import { requestSync, type SendSyncEvent } from "../commands/request-sync";
import { syncChangeFilterSchema } from "../sync-run-schemas";

setupTestDb();

const db = async () => (await import("@/lib/core/db")).db;
const actor: Actor = { type: "user", id: "user-it", name: "陈志强", ip: "127.0.0.1" };
const ctx = { actor };

/** Records sent events instead of reaching Inngest. */
function recorder() {
  const sent: { name: string; data: Record<string, unknown>; id: string }[] = [];
  const send: SendSyncEvent = async (name, data, id) => void sent.push({ name, data, id });
  return { sent, send };
}

describe("sync console", () => {
  let hrId: string;
  let imId: string;
  let disabledImId: string;

  beforeAll(async () => {
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "Connection", "AuditLog" CASCADE`,
    );
    hrId = (
      await d.connection.create({ data: { kind: "HR_SOURCE", provider: "sandbox-hr", name: "HR" } })
    ).id;
    imId = (
      await d.connection.create({ data: { kind: "IM_TARGET", provider: "sandbox-im", name: "IM" } })
    ).id;
    disabledImId = (
      await d.connection.create({
        data: { kind: "IM_TARGET", provider: "sandbox-im", name: "IM off", enabled: false },
      })
    ).id;
  });
  beforeEach(async () => {
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "AuditLog" CASCADE`,
    );
  });

  async function heldRun() {
    const d = await db();
    const run = await d.syncRun.create({
      data: {
        connectionId: imId,
        kind: "FULL",
        trigger: "cron",
        status: "AWAITING_APPROVAL",
        planned: 80,
        conflicts: 1,
        summary: {
          counts: { "account.disable": 60, "account.delete": 20 },
          destructive: 80,
          destructiveLimit: 50,
          held: true,
        },
      },
    });
    const conflict = await d.syncConflict.create({
      data: {
        fingerprint: `fp-${run.id}`,
        type: "deletion_threshold",
        connectionId: imId,
        runId: run.id,
        subjectType: "sync_run",
        subjectKey: "destructive:abc",
        hrValue: { destructive: 80, limit: 50, managedAccounts: 500 },
        detail: "80 accounts would be disabled or deleted; the limit is 50. Approve to proceed.",
      },
    });
    return { run, conflict };
  }

  it("lists runs newest first with the requester's name and duration", async () => {
    const d = await db();
    await d.user.upsert({
      where: { id: "user-it" },
      create: { id: "user-it", subject: "it-sub", name: "陈志强" },
      update: {},
    });
    await d.syncRun.create({
      data: {
        connectionId: imId,
        kind: "FULL",
        trigger: "cron",
        status: "SUCCEEDED",
        startedAt: new Date("2026-01-01T02:30:00Z"),
        finishedAt: new Date("2026-01-01T02:31:00Z"),
      },
    });
    await d.syncRun.create({
      data: {
        connectionId: imId,
        kind: "DRY_RUN",
        trigger: "manual:user-it",
        status: "RUNNING",
        planned: 10,
        applied: 3,
        startedAt: new Date("2026-01-02T09:00:00Z"),
      },
    });
    const { runs } = await listSyncRuns({ limit: 50 });
    expect(runs.map((r) => r.kind)).toEqual(["DRY_RUN", "FULL"]);
    expect(runs[0]).toMatchObject({
      connectionName: "IM",
      requestedBy: "陈志强",
      durationMs: null,
      planned: 10,
      applied: 3,
    });
    expect(runs[1]).toMatchObject({ requestedBy: null, durationMs: 60_000 });
  });

  it("pages and filters a run's change log without loading it all", async () => {
    const d = await db();
    const run = await d.syncRun.create({
      data: { connectionId: imId, kind: "FULL", trigger: "cron", status: "PARTIAL", planned: 250 },
    });
    await d.syncChange.createMany({
      data: Array.from({ length: 250 }, (_, seq) => ({
        runId: run.id,
        seq,
        op: seq < 50 ? "group.create" : "account.create",
        targetType: seq < 50 ? "im_group" : "im_account",
        targetKey: `k${seq}`,
        status: seq % 10 === 0 ? ("FAILED" as const) : ("APPLIED" as const),
        errorCode: seq % 10 === 0 ? "60011" : null,
        error: seq % 10 === 0 ? "no privilege" : null,
      })),
    });
    const first = await listSyncChanges(run.id, syncChangeFilterSchema.parse({}));
    expect(first).toMatchObject({
      total: 250,
      page: 1,
      pages: 3,
      ops: ["account.create", "group.create"],
    });
    expect(first.rows).toHaveLength(100);
    expect(first.rows[0].seq).toBe(0);
    const last = await listSyncChanges(run.id, syncChangeFilterSchema.parse({ page: "3" }));
    expect(last.rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 200 + i));
    const beyond = await listSyncChanges(run.id, syncChangeFilterSchema.parse({ page: "9" }));
    expect(beyond.page).toBe(3);

    const failed = await listSyncChanges(
      run.id,
      syncChangeFilterSchema.parse({ status: "FAILED" }),
    );
    expect(failed.total).toBe(25);
    expect(failed.rows.every((r) => r.status === "FAILED" && r.errorCode === "60011")).toBe(true);
    const failedGroups = await listSyncChanges(
      run.id,
      syncChangeFilterSchema.parse({ status: "FAILED", op: "group.create" }),
    );
    expect(failedGroups.rows.map((r) => r.seq)).toEqual([0, 10, 20, 30, 40]);
    const any = await listSyncChanges(run.id, syncChangeFilterSchema.parse({ status: "", op: "" }));
    expect(any.total).toBe(250);
  });

  it("requests a sync of an enabled IM target from the first HR source, and audits it", async () => {
    const { sent, send } = recorder();
    const { eventId } = await requestSync({ connectionId: imId, dryRun: true }, ctx, { send });
    expect(sent).toEqual([
      {
        name: "hr/sync.requested",
        id: eventId,
        // A sync someone asks for reads the IM in full (no no-change shortcut).
        data: {
          connectionId: imId,
          hrConnectionId: hrId,
          dryRun: true,
          deepImRead: true,
          requestedBy: "user-it",
        },
      },
    ]);
    const audit = await (await db()).auditLog.findMany({ where: { action: "sync.requested" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: "user-it",
      actorName: "陈志强",
      targetType: "connection",
      targetId: imId,
      after: { eventId, dryRun: true },
    });

    const again = await requestSync({ connectionId: imId }, ctx, { send });
    expect(again.eventId).not.toBe(eventId);
    expect(sent[1].data.dryRun).toBe(false);
  });

  it("refuses disabled targets, HR sources and unknown ids, sending nothing", async () => {
    const { sent, send } = recorder();
    await expect(requestSync({ connectionId: disabledImId }, ctx, { send })).rejects.toMatchObject({
      code: "connection_disabled",
    });
    await expect(requestSync({ connectionId: hrId }, ctx, { send })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(requestSync({ connectionId: "nope" }, ctx, { send })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(sent).toHaveLength(0);
    expect(await (await db()).auditLog.count()).toBe(0);
  });

  it("summarises a held run: disables, deletes, the limit and its deciding conflict", async () => {
    const { run, conflict } = await heldRun();
    const detail = await getSyncRun(run.id);
    expect(detail?.held).toEqual({ disables: 60, deletes: 20, limit: 50, conflictId: conflict.id });
    expect(detail?.conflictList.map((c) => c.type)).toEqual(["deletion_threshold"]);
  });

  it("approves a held run: conflict resolved KEEP_HR, run marked approved, a new sync requested, all audited", async () => {
    const { run, conflict } = await heldRun();
    const { sent, send } = recorder();
    await approveHeldRun({ runId: run.id }, ctx, { send });
    const d = await db();
    expect(await d.syncConflict.findUniqueOrThrow({ where: { id: conflict.id } })).toMatchObject({
      status: "RESOLVED",
      resolution: "KEEP_HR",
      resolvedBy: "陈志强",
    });
    const after = await d.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.approvedBy).toBe("陈志强");
    expect(after.approvedAt).toBeInstanceOf(Date);
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ connectionId: imId, hrConnectionId: hrId, dryRun: false });
    const actions = (await d.auditLog.findMany()).map((a) => `${a.action} ${a.targetId}`).sort();
    expect(actions).toEqual([`sync.approved ${run.id}`, `sync.requested ${imId}`]);

    await expect(approveHeldRun({ runId: run.id }, ctx, { send })).rejects.toMatchObject({
      code: "already_approved",
    });
    expect(sent).toHaveLength(1);
  });

  it("rejects a held run: conflict resolved KEEP_IM, run REJECTED, nothing sent, audited", async () => {
    const { run, conflict } = await heldRun();
    await rejectHeldRun({ runId: run.id }, ctx);
    const d = await db();
    expect(await d.syncConflict.findUniqueOrThrow({ where: { id: conflict.id } })).toMatchObject({
      status: "RESOLVED",
      resolution: "KEEP_IM",
      resolvedBy: "陈志强",
    });
    expect(await d.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "REJECTED",
    });
    expect((await d.auditLog.findMany()).map((a) => a.action)).toEqual(["sync.rejected"]);
    await expect(rejectHeldRun({ runId: run.id }, ctx)).rejects.toMatchObject({
      code: "not_held",
    });
  });

  it("refuses to decide a held run whose conflict moved to a later run", async () => {
    const { run, conflict } = await heldRun();
    const d = await db();
    const later = await d.syncRun.create({
      data: { connectionId: imId, kind: "FULL", trigger: "cron", status: "AWAITING_APPROVAL" },
    });
    await d.syncConflict.update({ where: { id: conflict.id }, data: { runId: later.id } });
    await expect(
      approveHeldRun({ runId: run.id }, ctx, { send: recorder().send }),
    ).rejects.toMatchObject({ code: "superseded" });
    expect((await getSyncRun(run.id))?.held?.conflictId).toBeNull();
  });
});
