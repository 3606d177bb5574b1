// The no-change shortcuts of a full plan: users synced with exactly what HR holds are not read one by
// one (list-im-users.ts), nor are groups OrgBridge wrote and still finds under the same parent
// (list-im-groups.ts); a changed employee, a user deleted by hand, a group moved by hand and a deep
// read are. Setup in sync-engine-test-env.ts (sandbox HR with 120 people, sandbox IM).
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { ImTarget } from "@/lib/connectors";
import { updateEmployee } from "@/lib/sandbox/hr/simulator/update-employee";
import { ensureDemoMapping } from "../../sandbox/demo/ensure-demo-mapping";
import { openImTarget } from "../../connections/engine/open-connection";
import { planSyncRun } from "./plan-sync-run";
import { pullHrDirectory } from "./pull-hr-directory";
import { runFullSync } from "./run-full-sync";
import { startSyncRun } from "./start-sync-run";
import { setupSyncSandboxes } from "./sync-engine-test-env";

const env = setupSyncSandboxes();

describe("a full plan's IM user listing", () => {
  const { db } = env;
  let target: ImTarget;
  const reads: string[] = [];
  const groupReads: string[] = [];
  const listings: string[] = [];

  beforeAll(async () => {
    await pullHrDirectory({ hrConnectionId: env.hrConnectionId });
    await ensureDemoMapping({ databaseUrl: inject("databaseUrl"), connectionName: "Test IM" });
    const { finish } = await runFullSync({
      connectionId: env.connectionId,
      hrConnectionId: env.hrConnectionId,
      trigger: "test",
    });
    expect(finish).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    const real = (await openImTarget(env.connectionId)).target;
    target = new Proxy(real, {
      get(t, prop) {
        const value = Reflect.get(t, prop);
        if (prop === "getUser")
          return (id: string) => (reads.push(id), (value as ImTarget["getUser"]).call(t, id));
        if (prop === "getGroup")
          return (id: string) => (
            groupReads.push(id),
            (value as NonNullable<ImTarget["getGroup"]>).call(t, id)
          );
        if (prop === "listUsers" || prop === "listUserRefs" || prop === "listGroups")
          return () => (listings.push(prop), (value as () => unknown).call(t));
        return typeof value === "function" ? value.bind(t) : value;
      },
    }) as ImTarget;
  });

  const dryPlan = async (deepImRead = false) => {
    reads.length = 0;
    groupReads.length = 0;
    listings.length = 0;
    const { runId } = await startSyncRun({
      connectionId: env.connectionId,
      kind: "DRY_RUN",
      trigger: "test",
    });
    const plan = await planSyncRun({ runId, target, deepImRead });
    const d = await db();
    const changes = await d.syncChange.findMany({
      where: { runId },
      select: { op: true, targetKey: true },
    });
    return { plan, changes };
  };

  const rememberedGroups = async () =>
    (
      await (
        await db()
      ).imGroup.findMany({
        where: { connectionId: env.connectionId, deleted: false, lastSyncedName: { not: null } },
        select: { externalId: true, lastSyncedName: true },
        orderBy: { externalId: "asc" },
      })
    ).map((g) => ({ id: g.externalId, name: g.lastSyncedName! }));

  it("in the steady state reads no user and no group it wrote one by one, and plans nothing", async () => {
    const { plan } = await dryPlan();
    expect(plan.planned).toBe(0);
    expect(reads).toEqual([]);
    expect(listings).toEqual(["listUserRefs"]);
    const groups = await rememberedGroups();
    expect(groups.length).toBeGreaterThan(3);
    // Only groups OrgBridge never wrote (the platform's root) are read in full.
    expect(groupReads.filter((id) => groups.some((g) => g.id === id))).toEqual([]);
  });

  it("reads a group moved by hand in full and plans it back; a hand rename waits for a deep read", async () => {
    const groups = await rememberedGroups();
    const [moved, renamed, newParent] = groups.slice(-3);
    const im = (await openImTarget(env.connectionId)).target;
    await im.updateGroup(moved.id, { parentId: newParent.id });
    await im.updateGroup(renamed.id, { name: `${renamed.name}（手改）` });
    const shortcut = await dryPlan();
    expect(groupReads).toContain(moved.id);
    expect(groupReads).not.toContain(renamed.id);
    expect(
      shortcut.changes.some((c) => c.targetKey.includes(moved.id)) || shortcut.plan.conflicts > 0,
    ).toBe(true);
    expect(shortcut.changes.some((c) => c.targetKey.includes(renamed.id))).toBe(false);

    const deep = await dryPlan(true);
    expect(listings).toContain("listGroups");
    // The deep read sees the rename: the plan restores the name or raises a conflict over it.
    expect(deep.plan.planned + deep.plan.conflicts).toBeGreaterThan(
      shortcut.plan.planned + shortcut.plan.conflicts,
    );
    // Put both back for the tests after this one.
    await im.updateGroup(renamed.id, { name: renamed.name });
    const parent = (
      await (
        await db()
      ).imGroup.findFirstOrThrow({
        where: { connectionId: env.connectionId, externalId: moved.id },
      })
    ).lastSyncedParentExternalId;
    if (parent) await im.updateGroup(moved.id, { parentId: parent });
  });

  it("reads exactly the employee HR changed, and plans their update", async () => {
    const d = await db();
    const someone = await d.imAccount.findFirstOrThrow({
      where: { connectionId: env.connectionId, state: "ACTIVE" },
      select: { imUserId: true, employee: { select: { employeeNo: true } } },
      orderBy: { imUserId: "asc" },
    });
    await updateEmployee(env.hr!.simulator, someone.employee!.employeeNo, { name: "改名测试" });
    await pullHrDirectory({ hrConnectionId: env.hrConnectionId });
    const { changes } = await dryPlan();
    expect(reads).toEqual([someone.imUserId]);
    expect(changes).toEqual([{ op: "account.update", targetKey: someone.employee!.employeeNo }]);
  });

  it("notices a user deleted by hand in IM without reading anyone", async () => {
    const d = await db();
    const gone = await d.imAccount.findFirstOrThrow({
      where: { connectionId: env.connectionId, state: "ACTIVE" },
      select: { imUserId: true, employee: { select: { employeeNo: true } } },
      orderBy: { imUserId: "desc" },
    });
    await d.sandboxImUser.delete({ where: { userid: gone.imUserId } });
    const { plan, changes } = await dryPlan();
    expect(reads).not.toContain(gone.imUserId);
    // Whatever the planner makes of it (a re-create or a conflict), the missing user is not taken as in sync.
    const noticed =
      changes.some((c) => c.targetKey === gone.employee!.employeeNo) || plan.conflicts > 0;
    expect(noticed).toBe(true);
  });

  it("a deep read lists every group and user in full (one call each on WeCom)", async () => {
    await dryPlan(true);
    expect(listings).toEqual(["listGroups", "listUsers"]);
  });
});
