import { randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/lib/core/errors";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { conflictFilterSchema } from "../conflict-queue-schemas";
import { countConflictsByType } from "./count-conflicts-by-type";
import { listConflicts } from "./list-conflicts";
import { resolveConflict, resolveConflicts } from "../commands/resolve-conflicts";
import { actor, db, recorder } from "./conflict-test-env";

const ctx = { actor };

process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
setupTestDb();

describe("conflict queue", () => {
  let imA: string;
  let imB: string;

  beforeAll(async () => {
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "Connection", "AuditLog" CASCADE`,
    );
    imA = (
      await d.connection.create({
        data: { kind: "IM_TARGET", provider: "sandbox-im", name: "IM A" },
      })
    ).id;
    imB = (
      await d.connection.create({
        data: { kind: "IM_TARGET", provider: "sandbox-im", name: "IM B" },
      })
    ).id;
  });
  beforeEach(async () => {
    const d = await db();
    await d.$executeRawUnsafe(`TRUNCATE "SyncConflict", "AuditLog" CASCADE`);
    const base = Date.UTC(2026, 10, 1);
    await d.syncConflict.createMany({
      data: [
        ...Array.from({ length: 55 }, (_, i) => ({
          fingerprint: `fp-rename-${i}`,
          type: "im_group_renamed",
          connectionId: imA,
          subjectType: "im_group",
          subjectKey: String(100 + i),
          hrValue: { unitCode: `U${i}`, name: `部门${i}` },
          imValue: { name: `改名${i}`, lastSyncedName: `部门${i}` },
          detail: `IM group ${100 + i} was renamed in IM`,
          lastSeenAt: new Date(base + i * 60_000),
        })),
        ...Array.from({ length: 3 }, (_, i) => ({
          fingerprint: `fp-unmapped-${i}`,
          type: "unmapped_unit",
          connectionId: imB,
          subjectType: "org_unit",
          subjectKey: `XH-OPS-${i}`,
          hrValue: { unitCode: `XH-OPS-${i}`, reason: "inactive", employeeCount: 2, sample: [] },
          detail: "Employees sit in an inactive unit",
          lastSeenAt: new Date(base - i * 60_000),
        })),
        {
          fingerprint: "fp-ignored",
          type: "orphan_im_user",
          connectionId: imA,
          subjectType: "im_user",
          subjectKey: "ghost",
          status: "IGNORED" as const,
          imValue: { imUserId: "ghost", name: "Ghost" },
          lastSeenAt: new Date(base + 999 * 60_000),
        },
      ],
    });
  });

  const filter = (raw: Record<string, unknown>) => conflictFilterSchema.parse(raw);
  const conflictId = async (fingerprint: string) =>
    (await (await db()).syncConflict.findUniqueOrThrow({ where: { fingerprint } })).id;

  it("lists open conflicts newest first, 50 a page, with filters and counts by type", async () => {
    const first = await listConflicts(filter({}));
    expect(first).toMatchObject({ total: 58, page: 1, pageCount: 2 });
    expect(first.conflicts).toHaveLength(50);
    expect(first.conflicts[0]).toMatchObject({
      subjectKey: "154",
      connectionName: "IM A",
      status: "OPEN",
      hrValue: { name: "部门54" },
    });
    const second = await listConflicts(filter({ page: "2" }));
    expect(second.conflicts.map((c) => c.subjectKey)).toEqual([
      "104",
      "103",
      "102",
      "101",
      "100",
      "XH-OPS-0",
      "XH-OPS-1",
      "XH-OPS-2",
    ]);

    expect((await listConflicts(filter({ type: "unmapped_unit" }))).total).toBe(3);
    expect((await listConflicts(filter({ connectionId: imB }))).total).toBe(3);
    expect(
      (await listConflicts(filter({ q: "ops-1" }))).conflicts.map((c) => c.subjectKey),
    ).toEqual(["XH-OPS-1"]);
    expect(
      (await listConflicts(filter({ status: "IGNORED" }))).conflicts.map((c) => c.subjectKey),
    ).toEqual(["ghost"]);
    expect((await listConflicts(filter({ status: "ALL" }))).total).toBe(59);

    expect(await countConflictsByType(filter({ type: "unmapped_unit" }))).toEqual([
      { type: "im_group_renamed", count: 55 },
      { type: "unmapped_unit", count: 3 },
    ]);
  });

  it("resolves one conflict, audited, and sends conflict/resolved with an id", async () => {
    const { sent, send } = recorder();
    const id = await conflictId("fp-rename-3");
    expect(
      await resolveConflict(
        { conflictId: id, resolution: "CUSTOM", customValue: "研发中心", note: "agreed with HR" },
        ctx,
        { send },
      ),
    ).toEqual({ resolved: 1 });
    const d = await db();
    expect(await d.syncConflict.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "RESOLVED",
      resolution: "CUSTOM",
      customValue: "研发中心",
      note: "agreed with HR",
      resolvedBy: "陈志强",
      resolvedAt: expect.any(Date),
    });
    expect(await d.auditLog.findMany({ where: { action: "conflict.resolved" } })).toEqual([
      expect.objectContaining({
        actorId: "user-it",
        targetType: "sync_conflict",
        targetId: id,
        after: expect.objectContaining({ resolution: "CUSTOM", status: "RESOLVED" }),
      }),
    ]);
    expect(sent).toEqual([
      {
        name: "conflict/resolved",
        data: { conflictId: id, resolvedBy: "user-it" },
        id: expect.stringContaining(id),
      },
    ]);
    await expect(
      resolveConflict({ conflictId: id, resolution: "KEEP_HR" }, ctx, { send }),
    ).rejects.toMatchObject({ code: "not_open" });
  });

  const refusals: {
    name: string;
    run: (ids: { rename: string; unmapped: string }) => Promise<unknown>;
    field: string;
  }[] = [
    {
      name: "ignore without a note",
      run: ({ rename }) =>
        resolveConflict({ conflictId: rename, resolution: "IGNORE", note: "  " }, { actor }),
      field: "note",
    },
    {
      name: "custom without a value",
      run: ({ rename }) =>
        resolveConflict({ conflictId: rename, resolution: "CUSTOM", customValue: "" }, { actor }),
      field: "customValue",
    },
    {
      name: "a group name over 64 characters",
      run: ({ rename }) =>
        resolveConflict(
          { conflictId: rename, resolution: "CUSTOM", customValue: "名".repeat(65) },
          { actor },
        ),
      field: "customValue",
    },
    {
      name: "bulk ignore without a note",
      run: ({ rename }) =>
        resolveConflicts({ conflictIds: [rename], resolution: "IGNORE" }, { actor }),
      field: "note",
    },
    {
      name: "bulk with no selection",
      run: () => resolveConflicts({ conflictIds: [], resolution: "KEEP_HR" }, { actor }),
      field: "conflictIds",
    },
    {
      name: "bulk keep HR where one conflict cannot be kept HR",
      run: (ids) =>
        resolveConflicts(
          { conflictIds: [ids.rename, ids.unmapped], resolution: "KEEP_HR" },
          { actor },
        ),
      field: "resolution",
    },
  ];
  it.each(refusals)("refuses $name, naming $field, and writes nothing", async ({ run, field }) => {
    const { sent } = recorder();
    const ids = {
      rename: await conflictId("fp-rename-1"),
      unmapped: await conflictId("fp-unmapped-0"),
    };
    const err = await run(ids).then(
      () => null,
      (e: unknown) => e,
    );
    if (err instanceof ZodError) expect(err.issues.map((i) => i.path.join("."))).toContain(field);
    else (expect(err).toBeInstanceOf(AppError), expect((err as AppError).field).toBe(field));
    const d = await db();
    expect(await d.syncConflict.count({ where: { status: { not: "OPEN" } } })).toBe(1);
    expect(await d.auditLog.count()).toBe(0);
    expect(sent).toHaveLength(0);
  });

  it("bulk-resolves the selection with one note, one audit row each", async () => {
    const { sent, send } = recorder();
    const ids = await Promise.all(
      ["fp-unmapped-0", "fp-unmapped-1", "fp-unmapped-2"].map(conflictId),
    );
    expect(
      await resolveConflicts(
        { conflictIds: ids, resolution: "IGNORE", note: "HR is cleaning these up" },
        ctx,
        { send },
      ),
    ).toEqual({ resolved: 3 });
    const d = await db();
    expect(
      await d.syncConflict.count({
        where: {
          id: { in: ids },
          status: "IGNORED",
          resolution: "IGNORE",
          note: "HR is cleaning these up",
        },
      }),
    ).toBe(3);
    expect(
      await d.auditLog.count({ where: { action: "conflict.resolved", targetId: { in: ids } } }),
    ).toBe(3);
    expect(sent.map((s) => s.data.conflictId).sort()).toEqual([...ids].sort());
    expect(new Set(sent.map((s) => s.id)).size).toBe(3);
  });
});
