import { describe, expect, it } from "vitest";
import { applyMemoryUpdates } from "./apply-memory-updates";
import { employee, syncedHashOf } from "./fixtures";
import { parseSyncedHash } from "./parse-synced-hash";
import type { SyncMemory } from "../types";

const MEMORY: SyncMemory = {
  groups: [{ externalId: "g1", name: "A", parentExternalId: "g0" }],
  accounts: [
    {
      employeeNo: "E1",
      imUserId: "E1",
      state: "ACTIVE",
      syncedHash: syncedHashOf(employee("E1", "U")),
    },
  ],
  unitGroups: [{ orgUnitCode: "U", externalId: "g1" }],
};

describe("applyMemoryUpdates", () => {
  it("accepts an IM name over HR's", () => {
    const next = applyMemoryUpdates(MEMORY, [
      { kind: "groupAccept", externalId: "g1", field: "name", imValue: "B", hrValue: "A" },
    ]);
    expect(next.groups).toEqual([
      { externalId: "g1", name: "B", hrName: "A", parentExternalId: "g0" },
    ]);
  });

  it("accepts an IM parent (top level) over HR's", () => {
    const next = applyMemoryUpdates(MEMORY, [
      { kind: "groupAccept", externalId: "g1", field: "parent", imValue: "", hrValue: "g0" },
    ]);
    expect(next.groups[0]).toEqual({
      externalId: "g1",
      name: "A",
      parentExternalId: undefined,
      hrParentExternalId: "g0",
    });
  });

  it("forgets a group", () => {
    const next = applyMemoryUpdates(MEMORY, [
      { kind: "forgetGroup", orgUnitCode: "U", externalId: "g1" },
    ]);
    expect(next.groups).toEqual([]);
    expect(next.unitGroups).toEqual([]);
  });

  it("links a unit and an account", () => {
    const next = applyMemoryUpdates(MEMORY, [
      { kind: "unitGroup", orgUnitCode: "V", externalId: "g2" },
      { kind: "account", employeeNo: "E2", imUserId: "zs", state: "ACTIVE" },
    ]);
    expect(next.unitGroups).toContainEqual({ orgUnitCode: "V", externalId: "g2" });
    expect(next.accounts).toContainEqual({ employeeNo: "E2", imUserId: "zs", state: "ACTIVE" });
  });

  it("keeps disabledAt only for disabled or deleted accounts", () => {
    const disabled = applyMemoryUpdates(MEMORY, [
      {
        kind: "account",
        employeeNo: "E1",
        imUserId: "E1",
        state: "DISABLED",
        disabledAt: "2025-01-01T00:00:00.000Z",
      },
    ]);
    expect(disabled.accounts[0]).toMatchObject({
      state: "DISABLED",
      disabledAt: "2025-01-01T00:00:00.000Z",
    });
    const active = applyMemoryUpdates(disabled, [
      { kind: "account", employeeNo: "E1", imUserId: "E1", state: "ACTIVE" },
    ]);
    expect(active.accounts[0]).not.toHaveProperty("disabledAt");
  });

  it("patches one field's hashes and leaves the others", () => {
    const before = parseSyncedHash(MEMORY.accounts[0].syncedHash)!;
    const next = applyMemoryUpdates(MEMORY, [
      { kind: "accountField", employeeNo: "E1", field: "name", hrValue: "HR", imValue: "IM" },
    ]);
    const after = parseSyncedHash(next.accounts[0].syncedHash)!;
    expect(after.name.hr).not.toBe(after.name.im);
    expect(after.email).toEqual(before.email);
    expect(after.mobile).toEqual(before.mobile);
  });

  it("ignores a field patch for an account never synced", () => {
    const memory: SyncMemory = {
      ...MEMORY,
      accounts: [{ employeeNo: "E1", imUserId: "E1", state: "ACTIVE" }],
    };
    expect(
      applyMemoryUpdates(memory, [
        { kind: "accountField", employeeNo: "E1", field: "name", hrValue: "a", imValue: "b" },
      ]).accounts,
    ).toEqual(memory.accounts);
  });
});
