import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/core/audit/record-audit";
import { AppError } from "@/lib/core/errors";
import { generateCompany } from "@/lib/sandbox/demo/generate-company";
import { writeCompanyToSandboxHr } from "@/lib/sandbox/demo/write-company-to-sandbox-hr";
import { startSandboxHr, type SandboxHrServer } from "@/lib/sandbox/hr/start-sandbox-hr";
import { renameDepartmentManually } from "@/lib/sandbox/im/rename-department-manually";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { ensureDemoMapping } from "@/lib/sandbox/demo/ensure-demo-mapping";
import { runFullSync } from "@/lib/sync/engine/run-full-sync";
import { createSandboxConnections } from "@/lib/testing/create-sandbox-connections";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { applyConflictResolution } from "../engine/apply-conflict-resolution";
import { conflictFilterSchema } from "../conflict-queue-schemas";
import { countConflictsByType } from "./count-conflicts-by-type";
import { listConflicts } from "./list-conflicts";
import {
  resolveConflict,
  resolveConflicts,
  type SendResolvedEvent,
} from "../commands/resolve-conflicts";

process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
setupTestDb();

const db = async () => (await import("@/lib/core/db")).db;
const actor: Actor = { type: "user", id: "user-it", name: "陈志强", ip: "127.0.0.1" };
const ctx = { actor };

function recorder() {
  const sent: { name: string; data: { conflictId: string; resolvedBy: string }; id: string }[] = [];
  const send: SendResolvedEvent = async (name, data, id) => void sent.push({ name, data, id });
  return { sent, send };
}

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
        resolveConflict({ conflictId: rename, resolution: "IGNORE", note: "  " }, ctx),
      field: "note",
    },
    {
      name: "custom without a value",
      run: ({ rename }) =>
        resolveConflict({ conflictId: rename, resolution: "CUSTOM", customValue: "" }, ctx),
      field: "customValue",
    },
    {
      name: "a group name over 64 characters",
      run: ({ rename }) =>
        resolveConflict(
          { conflictId: rename, resolution: "CUSTOM", customValue: "名".repeat(65) },
          ctx,
        ),
      field: "customValue",
    },
    {
      name: "bulk ignore without a note",
      run: ({ rename }) => resolveConflicts({ conflictIds: [rename], resolution: "IGNORE" }, ctx),
      field: "note",
    },
    {
      name: "bulk with no selection",
      run: () => resolveConflicts({ conflictIds: [], resolution: "KEEP_HR" }, ctx),
      field: "conflictIds",
    },
    {
      name: "bulk keep HR where one conflict cannot be kept HR",
      run: (ids) =>
        resolveConflicts({ conflictIds: [ids.rename, ids.unmapped], resolution: "KEEP_HR" }, ctx),
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

describe("applying a resolution against the sandboxes", () => {
  let hr: SandboxHrServer;
  let im: SandboxImServer;
  let connectionId: string;
  let hrConnectionId: string;
  const creds = {
    corpId: "ww-conflict-test",
    corpSecret: "conflict-test-secret",
    agentId: 1000002,
  };
  const company = generateCompany({ units: 10, employees: 40 });

  beforeAll(async () => {
    const url = inject("databaseUrl");
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "AuditLog", "SandboxHrEmployee", "SandboxHrUnit", "SandboxImUser", "SandboxImDepartment" CASCADE`,
    );
    hr = await startSandboxHr({ port: 0, databaseUrl: url });
    im = await startSandboxIm({ ...creds, port: 0, databaseUrl: url, rateLimit: false });
    await writeCompanyToSandboxHr(d, company);
    ({ hrConnectionId, connectionId } = await createSandboxConnections(d, {
      hrUrl: hr.url,
      imBaseUrl: im.baseUrl,
      creds,
    }));
    await pullAndMap(url);
  });
  afterAll(async () => {
    await hr?.close();
    await im?.close();
  });

  async function pullAndMap(url: string) {
    await runFullSync({ connectionId, hrConnectionId, trigger: "test" }); // pulls the mirror; nothing mapped yet
    await ensureDemoMapping({ databaseUrl: url, connectionName: "Test IM" });
    expect(
      (await runFullSync({ connectionId, hrConnectionId, trigger: "test" })).finish?.status,
    ).toBe("SUCCEEDED");
  }

  async function renamedConflict(unitCode: string, name: string) {
    const d = await db();
    const group = await d.imGroup.findFirstOrThrow({
      where: { connectionId, orgUnitCode: unitCode },
    });
    await renameDepartmentManually(im.db, Number(group.externalId), name);
    await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    return {
      group,
      conflict: await d.syncConflict.findFirstOrThrow({
        where: { connectionId, type: "im_group_renamed", subjectKey: group.externalId },
      }),
    };
  }

  it("keep IM on an IM rename remembers IM's name, so a replan no longer raises it", async () => {
    const unit = company.units[1];
    const { group, conflict } = await renamedConflict(unit.code, "手改的名字");
    expect(conflict).toMatchObject({
      status: "OPEN",
      hrValue: { name: unit.name },
      imValue: { name: "手改的名字" },
    });
    const { sent, send } = recorder();
    await resolveConflict({ conflictId: conflict.id, resolution: "KEEP_IM" }, ctx, { send });

    expect(await applyConflictResolution({ conflictId: conflict.id })).toMatchObject({
      outcome: "applied",
      connectionId,
      recheck: true,
    });
    expect(await applyConflictResolution({ conflictId: conflict.id })).toMatchObject({
      outcome: "done",
    });
    const d = await db();
    expect(await d.imGroup.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({
      acceptedHrName: unit.name,
    });

    const replan = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(replan.plan.planned).toBe(0);
    expect(await d.syncConflict.findUniqueOrThrow({ where: { id: conflict.id } })).toMatchObject({
      status: "RESOLVED",
      occurrences: conflict.occurrences,
    });
    expect(sent).toHaveLength(1);
  });

  it("keep HR renames the IM group back once, through a RECONCILE run", async () => {
    const unit = company.units[2];
    const { group, conflict } = await renamedConflict(unit.code, "又被手改");
    await resolveConflict({ conflictId: conflict.id, resolution: "KEEP_HR" }, ctx, {
      send: async () => undefined,
    });
    expect(await applyConflictResolution({ conflictId: conflict.id })).toMatchObject({
      outcome: "applied",
    });
    expect(await applyConflictResolution({ conflictId: conflict.id })).toMatchObject({
      outcome: "done",
    });
    expect(
      (
        await im.db.sandboxImDepartment.findUniqueOrThrow({
          where: { id: Number(group.externalId) },
        })
      ).name,
    ).toBe(unit.name);
    const d = await db();
    expect(
      await d.syncChange.findMany({
        where: { run: { kind: "RECONCILE", trigger: { startsWith: `conflict:${conflict.id}` } } },
      }),
    ).toEqual([expect.objectContaining({ op: "group.rename", status: "APPLIED" })]);
    const replan = await runFullSync({ connectionId, hrConnectionId, trigger: "test" });
    expect(replan.plan.planned).toBe(0);
    expect(
      (await d.syncConflict.findUniqueOrThrow({ where: { id: conflict.id } })).occurrences,
    ).toBe(conflict.occurrences);
  });

  it("an IM refusal reopens the conflict with the error in its note", async () => {
    const unit = company.units[3];
    const { conflict } = await renamedConflict(unit.code, "第三次手改");
    await resolveConflict(
      { conflictId: conflict.id, resolution: "KEEP_HR", note: "HR wins" },
      ctx,
      { send: async () => undefined },
    );
    im.faults.failNext(1, 40058);
    expect(await applyConflictResolution({ conflictId: conflict.id })).toMatchObject({
      outcome: "failed",
      recheck: false,
    });
    const d = await db();
    expect(await d.syncConflict.findUniqueOrThrow({ where: { id: conflict.id } })).toMatchObject({
      status: "OPEN",
      note: expect.stringMatching(/^HR wins\nCould not apply: /),
    });
  });
});
