// Hires into a department IM has no group for yet, pushed at the same moment: every concurrent
// incremental run plans the group's creation, and they must converge on one group.
import { beforeAll, describe, expect, it } from "vitest";
import type { HrWebhookPayload } from "@/lib/sandbox/hr/emit-hr-webhook";
import { mergeHrChange } from "./run-incremental-sync";
import { pushThroughFunctions, setupIncrementalWorld } from "./incremental-sync-test-env";

// The request log shows whether a run that lost the race still asked IM to create the group.
const env = setupIncrementalWorld({ recordImRequests: true });

describe("concurrent hires into a new department", () => {
  const { db, normalise } = env;
  let connectionId: string;
  let hrConnectionId: string;
  beforeAll(() => {
    ({ connectionId, hrConnectionId } = env);
  });

  const at = () => new Date().toISOString();

  /** HR announced the department; its own push's sync has not run yet. */
  async function newDepartment(code: string, name: string) {
    const merged = await mergeHrChange(
      await normalise({
        type: "org_unit.changed",
        id: `evt_${code}`,
        occurredAt: at(),
        data: { code, name, parentCode: "XH", active: true, version: 1 },
      }),
    );
    expect(merged.applied).toBe(true);
  }

  /** Pushes hires through the hr-incremental-sync function, all at once. */
  async function pushHires(unitCode: string, employeeNos: string[]) {
    const payloads = employeeNos.map((employeeNo, i): HrWebhookPayload => ({
      type: "employee.changed",
      id: `evt_${employeeNo}`,
      occurredAt: at(),
      data: {
        employeeNo,
        name: `新人${i}`,
        status: "active",
        unitCode,
        email: `${employeeNo.toLowerCase()}@race.example`,
        mobile: `13${employeeNo.slice(2).padStart(9, "0")}`,
        version: 1,
      },
    }));
    const changes = await Promise.all(payloads.map((p) => normalise(p)));
    // Each push is its own target run here, all at once: what happens when bursts land in different batches.
    return Promise.all(
      changes.map((change, i) =>
        pushThroughFunctions("hr/employee.changed", {
          hrConnectionId,
          webhookId: payloads[i].id,
          occurredAt: payloads[i].occurredAt,
          record: change.record,
        }),
      ),
    );
  }

  /** department/create calls since `from` in the sandbox IM's request log, by errcode. */
  const createCalls = (from: number) =>
    env.im
      .requests()
      .slice(from)
      .filter((r) => r.path.endsWith("/department/create"))
      .map((r) => r.errcode);

  async function expectOneGroupHolding(unitCode: string, name: string, employeeNos: string[]) {
    const d = await db();
    const onIm = await d.sandboxImDepartment.findMany({ where: { name } });
    expect(onIm).toHaveLength(1);
    const remembered = await d.imGroup.findMany({
      where: { connectionId, orgUnitCode: unitCode, deleted: false },
    });
    expect(remembered.map((g) => g.externalId)).toEqual([String(onIm[0].id)]);
    const users = await d.sandboxImUser.findMany({
      where: { userid: { in: employeeNos } },
      orderBy: { userid: "asc" },
    });
    expect(users.map((u) => [u.userid, u.departments.map(Number)])).toEqual(
      [...employeeNos].sort().map((no) => [no, [onIm[0].id]]),
    );
  }

  it("two hires pushed at the same moment create one IM group with both in it", async () => {
    await newDepartment("XH-RACE2", "竞速二部");
    const from = env.im.requests().length;
    const outs = await pushHires("XH-RACE2", ["XR200001", "XR200002"]);
    for (const out of outs)
      expect(out.runs).toEqual([expect.objectContaining({ connectionId, failed: 0 })]);
    await expectOneGroupHolding("XH-RACE2", "竞速二部", ["XR200001", "XR200002"]);
    // Both runs planned the group; the second adopted the first's instead of asking IM again.
    expect(createCalls(from)).toEqual([0]);
  });

  it("ten hires pushed at once still make one group", async () => {
    await newDepartment("XH-RACE10", "竞速十部");
    const nos = Array.from({ length: 10 }, (_, i) => `XR10${String(i).padStart(4, "0")}`);
    const from = env.im.requests().length;
    const outs = await pushHires("XH-RACE10", nos);
    for (const out of outs)
      expect(out.runs).toEqual([expect.objectContaining({ connectionId, failed: 0 })]);
    await expectOneGroupHolding("XH-RACE10", "竞速十部", nos);
    expect(createCalls(from)).toEqual([0]);
  });
});
