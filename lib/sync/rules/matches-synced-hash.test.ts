import { describe, expect, it } from "vitest";
import { encodeSyncedHash } from "./encode-synced-hash";
import { hashFieldValues } from "./hash-field-values";
import { matchesSyncedHash } from "./matches-synced-hash";

const values = {
  name: "周航",
  email: "Zhou.Hang@example.com",
  mobile: "139 1234 0003",
  title: "HR",
};
const stored = encodeSyncedHash(hashFieldValues(values));

describe("matchesSyncedHash", () => {
  it.each([
    ["the same values", values, stored, true],
    [
      "the same values, normalised differently (case, spaces)",
      { ...values, email: "zhou.hang@example.com", mobile: "13912340003" },
      stored,
      true,
    ],
    ["a changed name", { ...values, name: "周杭" }, stored, false],
    ["a changed title", { ...values, title: "HRBP" }, stored, false],
    ["a removed email", { ...values, email: undefined }, stored, false],
    ["never synced", values, undefined, false],
    ["an unknown hash format", values, "v0|abc", false],
  ])("%s → %s", (_label, v, hash, expected) => {
    expect(matchesSyncedHash(v, hash)).toBe(expected);
  });

  it("refuses the shortcut when a field's IM value was kept over HR's, even if the HR side matches", () => {
    const hashes = hashFieldValues(values);
    const kept = encodeSyncedHash({
      ...hashes,
      name: { hr: hashes.name.hr, im: "0123456789abcd" },
    });
    expect(kept).toContain(">");
    expect(matchesSyncedHash(values, kept)).toBe(false);
  });
});

describe("matchesSyncedHash and the manager slot", () => {
  const hashes = hashFieldValues(values);
  const withManager = encodeSyncedHash({
    ...hashes,
    manager: { hr: "0123456789abcd", im: "fedcba98765432" },
  });

  it("ignores the manager slot, even one kept over HR's, when comparing the fields", () => {
    expect(matchesSyncedHash(values, withManager)).toBe(true);
    expect(matchesSyncedHash(values, withManager, true)).toBe(true);
  });

  it("refuses a hash without a manager slot when the platform syncs managers", () => {
    expect(matchesSyncedHash(values, stored)).toBe(true);
    expect(matchesSyncedHash(values, stored, true)).toBe(false);
  });
});
