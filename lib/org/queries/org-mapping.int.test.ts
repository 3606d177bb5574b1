import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { AppError } from "@/lib/core/errors";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { applyMappingToSubtree } from "../commands/apply-mapping-to-subtree";
import { listImGroupsForLink } from "./list-im-groups-for-link";
import { loadOrgTree } from "./load-org-tree";
import { saveMappingSchema } from "../org-mapping-schemas";
import { saveMapping } from "../commands/save-mapping";

setupTestDb();

const db = async () => (await import("@/lib/core/db")).db;
const actor: Actor = { type: "user", id: "user-hr", name: "李娜", ip: "127.0.0.1" };
const ctx = { actor };

// XH ─ RD ─ FE ─ FE1
//    │    └ BE
//    └ HR
const UNITS: [code: string, name: string, parent: string | null][] = [
  ["XH", "星河科技", null],
  ["RD", "研发中心", "XH"],
  ["FE", "前端开发部", "RD"],
  ["FE1", "前端开发部一组", "FE"],
  ["BE", "后端开发部", "RD"],
  ["HR", "人力资源部", "XH"],
];
// unit code → statuses of its employees
const STAFF: Record<string, ("ACTIVE" | "TERMINATED" | "ON_LEAVE")[]> = {
  XH: ["ACTIVE"],
  FE: ["ACTIVE", "ON_LEAVE"],
  FE1: ["ACTIVE"],
  BE: ["ACTIVE"],
  HR: ["ACTIVE", "TERMINATED"],
};

describe("org mapping", () => {
  let imId: string;
  const ids = new Map<string, string>();

  beforeEach(async () => {
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "AuditLog" CASCADE`,
    );
    imId = (
      await d.connection.create({ data: { kind: "IM_TARGET", provider: "sandbox-im", name: "IM" } })
    ).id;
    const paths = new Map<string, string>();
    let n = 0;
    for (const [code, name, parent] of UNITS) {
      const path = `${parent ? paths.get(parent) : ""}/${code}`;
      paths.set(code, path);
      const unit = await d.orgUnit.create({
        data: {
          code,
          name,
          path,
          depth: path.split("/").length - 2,
          parentId: parent ? ids.get(parent) : null,
        },
      });
      ids.set(code, unit.id);
      for (const status of STAFF[code] ?? []) {
        n += 1;
        await d.employee.create({
          data: { employeeNo: `E${n}`, name: `员工${n}`, orgUnitId: unit.id, status },
        });
      }
    }
  });

  const unitOf = (tree: Awaited<ReturnType<typeof loadOrgTree>>, code: string) =>
    tree.units.find((u) => u.code === code)!;

  it("loads the tree with direct and subtree counts (terminated left out) and effective mappings", async () => {
    const d = await db();
    await d.orgMapping.create({
      data: { orgUnitId: ids.get("XH")!, connectionId: imId, mode: "MIRROR" },
    });
    await d.orgMapping.create({
      data: {
        orgUnitId: ids.get("RD")!,
        connectionId: imId,
        mode: "EXCLUDE",
        includeDescendants: false,
      },
    });
    const tree = await loadOrgTree(imId);
    expect(tree.units).toHaveLength(6);
    const counts = Object.fromEntries(
      tree.units.map((u) => [u.code, [u.directCount, u.subtreeCount]]),
    );
    expect(counts).toEqual({
      XH: [1, 6],
      RD: [0, 4],
      FE: [2, 3],
      FE1: [1, 1],
      BE: [1, 1],
      HR: [1, 1],
    });
    expect(unitOf(tree, "RD")).toMatchObject({
      parentId: ids.get("XH"),
      status: "excluded",
      own: { mode: "EXCLUDE", includeDescendants: false },
    });
    expect(unitOf(tree, "HR")).toMatchObject({
      status: "inherited",
      own: null,
      effective: { mode: "MIRROR", fromUnitCode: "XH" },
    });
    expect(unitOf(tree, "FE")).toMatchObject({ status: "unmapped", effective: null });
    expect(tree.summary).toEqual({
      mapped: 1,
      inherited: 1,
      excluded: 1,
      unmapped: 3,
      unmappedEmployees: 4,
    });
  });

  it("without a connection everything is unmapped", async () => {
    const tree = await loadOrgTree(null);
    expect(tree.summary).toMatchObject({ unmapped: 6, unmappedEmployees: 6 });
  });

  it("creates, updates and removes a mapping, each audited with before/after", async () => {
    const d = await db();
    const base = { connectionId: imId, orgUnitId: ids.get("FE")!, includeDescendants: true };
    expect(
      await saveMapping({ ...base, mode: "MIRROR", namingTemplate: "{code}-{name}" }, ctx),
    ).toEqual({ action: "created", unitName: "前端开发部" });
    expect(
      await saveMapping({ ...base, mode: "EXCLUDE", namingTemplate: "{name}" }, ctx),
    ).toMatchObject({ action: "updated" });
    expect(await d.orgMapping.findMany({ select: { mode: true, namingTemplate: true } })).toEqual([
      { mode: "EXCLUDE", namingTemplate: "{name}" },
    ]);
    expect(await saveMapping({ ...base, mode: "NONE", namingTemplate: "" }, ctx)).toMatchObject({
      action: "deleted",
    });
    expect(await d.orgMapping.count()).toBe(0);

    const audit = await d.auditLog.findMany({
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, before: true, after: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "mapping.created",
      "mapping.updated",
      "mapping.deleted",
    ]);
    expect(audit[0]).toMatchObject({
      actorId: "user-hr",
      before: null,
      after: { orgUnitCode: "FE", mode: "MIRROR", namingTemplate: "{code}-{name}" },
    });
    expect(audit[1]).toMatchObject({ before: { mode: "MIRROR" }, after: { mode: "EXCLUDE" } });
    expect(audit[2]).toMatchObject({ before: { mode: "EXCLUDE" }, after: null });
  });

  it("rejects an invalid naming template naming the field, and writes nothing", async () => {
    const d = await db();
    const input = {
      connectionId: imId,
      orgUnitId: ids.get("FE")!,
      mode: "MIRROR" as const,
      includeDescendants: true,
      namingTemplate: "{nope}",
    };
    const parsed = saveMappingSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ["namingTemplate"],
      message: expect.stringContaining("Unknown placeholder {nope}"),
    });
    const err = await saveMapping(input, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "invalid", field: "namingTemplate" });
    expect(await d.orgMapping.count()).toBe(0);
    expect(await d.auditLog.count()).toBe(0);
  });

  it("LINK needs a group; the chosen group is remembered unclaimed and shown by name", async () => {
    const d = await db();
    const base = {
      connectionId: imId,
      orgUnitId: ids.get("BE")!,
      mode: "LINK" as const,
      includeDescendants: true,
      namingTemplate: "{name}",
    };
    await expect(saveMapping(base, ctx)).rejects.toMatchObject({ field: "imGroupExternalId" });
    await saveMapping({ ...base, imGroupExternalId: "42", imGroupName: "后端群" }, ctx);
    expect(
      await d.imGroup.findFirst({ select: { externalId: true, name: true, lastSyncedName: true } }),
    ).toEqual({ externalId: "42", name: "后端群", lastSyncedName: null });
    expect(unitOf(await loadOrgTree(imId), "BE")).toMatchObject({
      status: "mapped",
      own: { mode: "LINK", imGroupExternalId: "42", imGroupName: "后端群" },
    });
  });

  it("applies one mode to a subtree, then clears the mappings below a unit, audited once each", async () => {
    const d = await db();
    await saveMapping(
      {
        connectionId: imId,
        orgUnitId: ids.get("FE")!,
        mode: "MIRROR",
        includeDescendants: false,
        namingTemplate: "{name}",
      },
      ctx,
    );
    const applied = await applyMappingToSubtree(
      {
        connectionId: imId,
        orgUnitId: ids.get("RD")!,
        mode: "EXCLUDE",
        scope: "unit_and_descendants",
        namingTemplate: "{name}",
      },
      ctx,
    );
    expect(applied).toEqual({ units: 4, replaced: 1, unitName: "研发中心" });
    const modes = async () =>
      Object.fromEntries(
        (
          await d.orgMapping.findMany({
            select: { mode: true, orgUnit: { select: { code: true } } },
          })
        ).map((m) => [m.orgUnit.code, m.mode]),
      );
    expect(await modes()).toEqual({ RD: "EXCLUDE", FE: "EXCLUDE", FE1: "EXCLUDE", BE: "EXCLUDE" });

    const cleared = await applyMappingToSubtree(
      {
        connectionId: imId,
        orgUnitId: ids.get("RD")!,
        mode: "NONE",
        scope: "descendants_only",
        namingTemplate: "",
      },
      ctx,
    );
    expect(cleared).toMatchObject({ units: 3, replaced: 3 });
    expect(await modes()).toEqual({ RD: "EXCLUDE" });
    const tree = await loadOrgTree(imId);
    expect(unitOf(tree, "FE1")).toMatchObject({
      status: "excluded",
      effective: { fromUnitCode: "RD" },
    });

    const audit = await d.auditLog.findMany({
      where: { action: "mapping.subtree_applied" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      targetId: ids.get("RD"),
      before: [{ orgUnitCode: "FE", mode: "MIRROR" }],
      after: { mode: "EXCLUDE", units: 4 },
    });
  });

  it("a subtree write with an invalid template writes nothing", async () => {
    const d = await db();
    await expect(
      applyMappingToSubtree(
        {
          connectionId: imId,
          orgUnitId: ids.get("RD")!,
          mode: "MIRROR",
          scope: "unit_and_descendants",
          namingTemplate: "{oops",
        },
        ctx,
      ),
    ).rejects.toMatchObject({ field: "namingTemplate" });
    expect(await d.orgMapping.count()).toBe(0);
    expect(await d.auditLog.count()).toBe(0);
  });

  it("an unreachable IM is a typed error, not a crash", async () => {
    const d = await db();
    const off = await d.connection.create({
      data: {
        kind: "IM_TARGET",
        provider: "sandbox-im",
        name: "IM unreachable",
        config: { baseUrl: "http://127.0.0.1:9" },
      },
    });
    const refused: typeof fetch = () => Promise.reject(new TypeError("fetch failed"));
    await expect(
      listImGroupsForLink(off.id, { fetch: refused, retry: { maxAttempts: 1 } }),
    ).rejects.toMatchObject({ code: "im_unreachable" });
  });
});
