// The no-change shortcut of a full plan (list-im-users.ts): users synced with exactly what HR holds are
// not read one by one; a changed employee, a user deleted by hand and a deep read are. Setup in
// sync-engine-test-env.ts (sandbox HR with 120 people, sandbox IM).
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
        if (prop === "listUsers" || prop === "listUserRefs")
          return () => (listings.push(prop), (value as () => unknown).call(t));
        return typeof value === "function" ? value.bind(t) : value;
      },
    }) as ImTarget;
  });

  const dryPlan = async (deepImRead = false) => {
    reads.length = 0;
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

  it("in the steady state reads no user one by one and plans nothing", async () => {
    const { plan } = await dryPlan();
    expect(plan.planned).toBe(0);
    expect(reads).toEqual([]);
    expect(listings).toEqual(["listUserRefs"]);
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

  it("a deep read lists every user in full (one call per user on WeCom)", async () => {
    await dryPlan(true);
    expect(listings).toEqual(["listUsers"]);
  });
});
