import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { AppError } from "@/lib/core/errors";
import { resetSandboxIm } from "@/lib/sandbox/im/reset-sandbox-im";
import { createSandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { findImMember } from "./find-im-member";
import { listImDepartmentMembers } from "./list-im-department-members";
import { loadImDirectoryTree } from "./load-im-directory-tree";
import { renameImDepartment } from "./rename-im-department";
import { searchImMembers } from "./search-im-members";

setupTestDb();

const actor: Actor = { type: "user", id: "user-im-preview", name: "陈志强" };
const ctx = { actor };
let sandboxDb: ReturnType<typeof createSandboxDb>;

describe("IM preview queries", () => {
  beforeAll(async () => {
    sandboxDb = createSandboxDb(inject("databaseUrl"), 2);
    await resetSandboxIm(sandboxDb, { everything: true });
  });
  afterAll(async () => {
    await sandboxDb?.$disconnect();
  });

  it("before any sync: only the root, no members", async () => {
    const tree = await loadImDirectoryTree(sandboxDb);
    expect(tree).toMatchObject({
      departments: 1,
      members: 0,
      root: { id: 1, members: 0, totalMembers: 0, children: [] },
    });
  });

  it("counts members per department and below, pages a department's members, finds members", async () => {
    await sandboxDb.sandboxImDepartment.createMany({
      data: [
        { id: 2, name: "研发中心", parentId: 1, order: 1 },
        { id: 3, name: "前端开发部", parentId: 2, order: 1 },
        { id: 4, name: "销售部", parentId: 1, order: 2 },
      ],
    });
    await sandboxDb.sandboxImUser.createMany({
      data: [
        ...Array.from({ length: 7 }, (_, i) => ({
          userid: `FE${i}`,
          useridLower: `fe${i}`,
          name: `前端${i}`,
          departments: [3],
          email: `fe${i}@x.example`,
        })),
        {
          userid: "Both",
          useridLower: "both",
          name: "两边",
          departments: [2, 4],
          mainDepartment: 4,
          enable: 0,
          mobile: "13800000000",
        },
      ],
    });
    const tree = await loadImDirectoryTree(sandboxDb);
    expect(tree).toMatchObject({ departments: 4, members: 8 });
    const [rd, sales] = tree.root!.children;
    expect(rd).toMatchObject({
      id: 2,
      members: 1,
      totalMembers: 8,
      children: [{ id: 3, members: 7, totalMembers: 7 }],
    });
    expect(sales).toMatchObject({ id: 4, members: 1, totalMembers: 1 });
    expect(tree.root!.totalMembers).toBe(9);

    const page2 = await listImDepartmentMembers(sandboxDb, 3, { page: 2, size: 5 });
    expect(page2).toMatchObject({ total: 7, page: 2, pages: 2 });
    expect(page2.members.map((m) => m.userid)).toEqual(["FE5", "FE6"]);
    const rdMembers = await listImDepartmentMembers(sandboxDb, 2);
    expect(rdMembers.members).toEqual([
      { userid: "Both", name: "两边", position: null, enabled: false, isMain: false },
    ]);

    expect((await searchImMembers(sandboxDb, "fe")).map((m) => m.userid)).toHaveLength(7);
    expect(await searchImMembers(sandboxDb, "两")).toEqual([
      { userid: "Both", name: "两边", enabled: false },
    ]);
    expect(await findImMember(sandboxDb, "BOTH")).toMatchObject({ userid: "Both", enabled: false });
    expect(await findImMember(sandboxDb, "nobody")).toBeNull();
  });

  it("renames an IM department as an IM admin would, audited; refuses a sibling's name or an unknown id", async () => {
    const result = await renameImDepartment({ id: 3, name: "Web 前端部" }, ctx, { sandboxDb });
    expect(result).toEqual({ id: 3, before: "前端开发部", after: "Web 前端部" });
    const { db } = await import("@/lib/core/db");
    expect(
      await db.auditLog.findFirst({ where: { actorId: actor.id }, orderBy: { createdAt: "desc" } }),
    ).toMatchObject({
      action: "sandbox_im.department_renamed",
      targetId: "3",
      before: { name: "前端开发部" },
      after: { name: "Web 前端部" },
    });
    await expect(
      renameImDepartment({ id: 4, name: "研发中心" }, ctx, { sandboxDb }),
    ).rejects.toMatchObject({ field: "name" });
    await expect(
      renameImDepartment({ id: 404, name: "x" }, ctx, { sandboxDb }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await db.auditLog.count({ where: { actorId: actor.id } })).toBe(1);
    expect((await sandboxDb.sandboxImDepartment.findUniqueOrThrow({ where: { id: 4 } })).name).toBe(
      "销售部",
    );
  });
});
