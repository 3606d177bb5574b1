// An org subtree excluded after the first full sync while its people are still in its IM group: an
// incremental run (which reads only its own employees' IM users) must not plan the group's delete that
// WeCom refuses (60005, department not empty) run after run; it keeps the group with a conflict saying
// why, and deletes it once nobody is left in it.
import { beforeAll, describe, expect, it } from "vitest";
import { runIncrementalSync } from "./run-incremental-sync";
import { planned, setupIncrementalWorld } from "./incremental-sync-test-env";

const env = setupIncrementalWorld();

describe("incremental runs and an excluded subtree that still has members", () => {
  const { db } = env;
  let connectionId: string;
  /** The excluded leaf unit, its IM department and the IM users still in it. */
  let excluded: { code: string; groupId: string; parentGroupId: number; members: string[] };
  /** An employee elsewhere, whose push triggers the incremental runs. */
  let bystander: string;

  beforeAll(async () => {
    ({ connectionId } = env);
    const d = await db();
    const leaves = await d.orgUnit.findMany({
      where: { children: { none: {} }, employees: { some: {} } },
      select: { id: true, code: true, employees: { select: { employeeNo: true } } },
      orderBy: { code: "asc" },
    });
    for (const unit of leaves) {
      const group = await d.imGroup.findFirst({ where: { connectionId, orgUnitCode: unit.code } });
      if (!group) continue;
      const members = await d.sandboxImUser.findMany({
        where: { departments: { has: Number(group.externalId) } },
        select: { userid: true },
      });
      if (members.length === 0) continue;
      const dept = await d.sandboxImDepartment.findUniqueOrThrow({
        where: { id: Number(group.externalId) },
      });
      excluded = {
        code: unit.code,
        groupId: group.externalId,
        parentGroupId: dept.parentId,
        members: members.map((m) => m.userid).sort(),
      };
      await d.orgMapping.create({
        data: { orgUnitId: unit.id, connectionId, mode: "EXCLUDE", includeDescendants: true },
      });
      break;
    }
    expect(excluded).toBeDefined();
    const other = await d.employee.findFirstOrThrow({
      where: { status: "ACTIVE", orgUnit: { code: { not: excluded.code } } },
      select: { employeeNo: true },
      orderBy: { employeeNo: "asc" },
    });
    bystander = other.employeeNo;
  });

  const incremental = (trigger: string) =>
    runIncrementalSync({ connectionId, employeeNos: [bystander], trigger });

  it("keeps the group, run after run, with a group_not_empty conflict naming who is still in it", async () => {
    const d = await db();
    for (const trigger of ["test:excluded-1", "test:excluded-2"]) {
      const run = await incremental(trigger);
      expect(planned(run.plan.summary.counts)).toEqual({});
      expect(await d.syncChange.count({ where: { runId: run.runId } })).toBe(0);
      const conflicts = await d.syncConflict.findMany({
        where: { connectionId, type: "group_not_empty", subjectKey: excluded.groupId },
      });
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({
        runId: run.runId,
        status: "OPEN",
        hrValue: { unitCode: excluded.code },
        imValue: { externalId: excluded.groupId, memberIds: excluded.members },
      });
      expect(conflicts[0].detail).toContain(`still holds ${excluded.members.length} member(s)`);
    }
    expect(await d.sandboxImDepartment.count({ where: { id: Number(excluded.groupId) } })).toBe(1);
    expect(
      await d.syncChange.count({
        where: { run: { connectionId }, op: "group.delete", status: "FAILED" },
      }),
    ).toBe(0);
  });

  it("deletes the group once its members were moved out in IM", async () => {
    const d = await db();
    for (const userid of excluded.members) {
      const u = await d.sandboxImUser.findUniqueOrThrow({ where: { userid } });
      const departments = u.departments.filter((id) => id !== Number(excluded.groupId));
      await d.sandboxImUser.update({
        where: { userid },
        data: {
          departments: departments.length ? departments : [excluded.parentGroupId],
          mainDepartment: departments[0] ?? excluded.parentGroupId,
        },
      });
    }
    const run = await incremental("test:excluded-emptied");
    expect(planned(run.plan.summary.counts)).toEqual({ "group.delete": 1 });
    expect(run.finish).toMatchObject({ applied: 1, failed: 0 });
    expect(await d.sandboxImDepartment.count({ where: { id: Number(excluded.groupId) } })).toBe(0);
  });
});
