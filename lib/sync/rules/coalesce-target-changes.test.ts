import { describe, expect, it } from "vitest";
import { coalesceTargetChanges } from "./coalesce-target-changes";

describe("coalesceTargetChanges", () => {
  it("one change keeps the plain hr-webhook trigger", () => {
    expect(coalesceTargetChanges([{ employeeNos: ["E1"], webhookId: "evt_1" }])).toEqual({
      employeeNos: ["E1"],
      trigger: "hr-webhook:evt_1",
      run: true,
    });
  });

  it("a burst for one employee plans that employee once and names every event", () => {
    const out = coalesceTargetChanges([
      { employeeNos: ["E1"], webhookId: "evt_1" },
      { employeeNos: ["E1"], webhookId: "evt_2" },
      { employeeNos: ["E2", "E1"], webhookId: "evt_3" },
    ]);
    expect(out).toEqual({
      employeeNos: ["E1", "E2"],
      trigger: "hr-webhook:evt_1,evt_2,evt_3",
      run: true,
    });
  });

  it("a large batch names the first five events and counts the rest", () => {
    const changes = Array.from({ length: 12 }, (_, i) => ({
      employeeNos: [`E${i}`],
      webhookId: `evt_${i}`,
    }));
    const out = coalesceTargetChanges(changes);
    expect(out.trigger).toBe("hr-webhook:evt_0,evt_1,evt_2,evt_3,evt_4,+7");
    expect(out.employeeNos).toHaveLength(12);
  });

  it("an org-unit change with no employees still yields a run (group drift)", () => {
    const out = coalesceTargetChanges([{ employeeNos: [], webhookId: "evt_u" }]);
    expect(out.employeeNos).toEqual([]);
    expect(out.run).toBe(true);
  });

  it("pending changes plan everyone drained for the target, not the names they carry", () => {
    const out = coalesceTargetChanges(
      [
        { employeeNos: ["E1"], webhookId: "evt_1", pending: true },
        { employeeNos: ["E9"], webhookId: "evt_2" },
      ],
      ["E1", "E2", "E3"],
    );
    expect(out.employeeNos).toEqual(["E9", "E1", "E2", "E3"]);
    expect(out.run).toBe(true);
  });

  it("pending changes an earlier run already drained: nothing to run", () => {
    const out = coalesceTargetChanges([
      { employeeNos: ["E1"], webhookId: "evt_1", pending: true },
      { employeeNos: ["E2"], webhookId: "evt_2", pending: true },
    ]);
    expect(out).toMatchObject({ employeeNos: [], run: false });
  });

  it("a pending org-unit change naming nobody still runs for the groups", () => {
    const out = coalesceTargetChanges([{ employeeNos: [], webhookId: "evt_u", pending: true }]);
    expect(out.run).toBe(true);
  });
});
