import { describe, expect, it } from "vitest";
import type { PrivacyCapability } from "@/lib/connectors/types";
import type { PrivacyRule } from "@/lib/org/directory-privacy-schema";
import { applyMemoryUpdates } from "./apply-memory-updates";
import { describeImCalls } from "./describe-im-calls";
import { options } from "./fixtures";
import { matchesSyncedHash } from "./matches-synced-hash";
import { parseSyncedHash, parseSyncedProtection } from "./parse-synced-hash";
import { planProtectionSwitches } from "./plan-protection-switches";
import { planSync } from "./plan-sync";
import { simulatePlan } from "./simulate-plan";
import { HR, applyAndReplan, ops, plan, synced, withEmployee, type World } from "./test-world";
import type { AccountUpdateChange, PlanOptions, SyncPlan } from "../types";

const SENIOR: PrivacyRule = {
  id: "senior",
  label: "Senior leaders",
  unitCodes: [],
  titles: [],
  grades: ["m5"],
  hideMobile: true,
  hideEmail: false,
  seniorMode: true,
};
const DINGTALK: PrivacyCapability = { hideMobile: "flag", hideEmail: "omit", seniorMode: true };
const WECOM: PrivacyCapability = { hideMobile: "omit", hideEmail: "omit", seniorMode: false };
const hr = withEmployee(HR, "E1", { grade: "M5" });
const withRules = (rules: PrivacyRule[], capability = DINGTALK): PlanOptions =>
  options({ privacy: { rules, capability } });
const updateOf = (p: SyncPlan, no: string) =>
  p.changes.find((c): c is AccountUpdateChange => c.op === "account.update" && c.targetKey === no);
/** The world after applying a plan. */
const applied = (w: World, p: SyncPlan, opts: PlanOptions): World => ({
  ...w,
  options: opts,
  ...simulatePlan({ im: w.im, memory: w.memory, plan: p }),
});
const hashOf = (w: World, no: string) =>
  w.memory.accounts.find((a) => a.employeeNo === no)!.syncedHash;

describe("planProtectionSwitches", () => {
  it.each([
    ["nothing remembered, nothing wanted", {}, undefined, null],
    [
      "a rule starts applying",
      {},
      { hideMobile: true },
      { before: { hideMobile: false }, after: { hideMobile: true } },
    ],
    ["already on", { hideMobile: true }, { hideMobile: true }, null],
    [
      "the rule stops applying",
      { hideMobile: true, seniorMode: true },
      undefined,
      {
        before: { hideMobile: true, seniorMode: true },
        after: { hideMobile: false, seniorMode: false },
      },
    ],
    [
      "only senior mode is dropped",
      { hideMobile: true, seniorMode: true },
      { hideMobile: true },
      { before: { seniorMode: true }, after: { seniorMode: false } },
    ],
  ] as const)("%s", (_, remembered, wanted, expected) => {
    expect(planProtectionSwitches(remembered, wanted)).toEqual(expected);
  });
});

describe("protection switches on existing accounts (DingTalk-style flags)", () => {
  const before = synced(hr);

  it("a rule added later turns the switches on with one update, and the next plan is empty", () => {
    const on = withRules([SENIOR]);
    const p = plan({ ...before, options: on });
    expect(ops(p)).toEqual(["account.update E1"]);
    const update = updateOf(p, "E1")!;
    expect(update.before).toEqual({
      fields: {},
      protection: { hideMobile: false, seniorMode: false },
    });
    expect(update.after).toMatchObject({
      fields: {},
      protection: { hideMobile: true, seniorMode: true },
    });
    expect(update.after.syncedHash).toBe(`${hashOf(before, "E1")}|p:hm+sm`);
    expect(describeImCalls(update)).toEqual([
      { method: "updateUser", payload: { id: "E1", hideMobile: true, seniorMode: true } },
    ]);
    expect(applyAndReplan({ ...before, options: on }, p).changes).toEqual([]);
  });

  it("removing the rule turns them off with one update; the hash is as before the rule", () => {
    const on = withRules([SENIOR]);
    const protectedWorld = applied(before, plan({ ...before, options: on }), on);
    const off = withRules([]);
    const p = plan({ ...protectedWorld, options: off });
    expect(ops(p)).toEqual(["account.update E1"]);
    expect(updateOf(p, "E1")!.after).toEqual({
      imUserId: "E1",
      fields: {},
      syncedHash: hashOf(before, "E1"),
      protection: { hideMobile: false, seniorMode: false },
    });
    expect(applyAndReplan({ ...protectedWorld, options: off }, p).changes).toEqual([]);
    // No privacy options at all (no rules saved) reads the same as an empty list.
    expect(ops(plan({ ...protectedWorld, options: options() }))).toEqual(["account.update E1"]);
  });

  it("narrowing the rule flips only the switch it no longer asks for", () => {
    const on = withRules([SENIOR]);
    const w = applied(before, plan({ ...before, options: on }), on);
    const mobileOnly = withRules([{ ...SENIOR, seniorMode: false }]);
    const update = updateOf(plan({ ...w, options: mobileOnly }), "E1")!;
    expect(update.before.protection).toEqual({ seniorMode: true });
    expect(update.after.protection).toEqual({ seniorMode: false });
    expect(update.after.syncedHash).toMatch(/\|p:hm$/);
  });

  it("a grade change moves the switches with it", () => {
    const on = withRules([SENIOR]);
    const w = applied(before, plan({ ...before, options: on }), on);
    const promoted = { ...w, hr: withEmployee(w.hr, "E2", { grade: "M5" }) };
    const demoted = { ...promoted, hr: withEmployee(promoted.hr, "E1", { grade: "M4" }) };
    const p = plan(demoted);
    expect(ops(p)).toEqual(["account.update E1", "account.update E2"]);
    expect(updateOf(p, "E1")!.after.protection).toEqual({ hideMobile: false, seniorMode: false });
    expect(updateOf(p, "E2")!.after.protection).toEqual({ hideMobile: true, seniorMode: true });
  });

  it("a field change and a flip travel in one update", () => {
    const w = {
      ...before,
      hr: withEmployee(hr, "E1", { name: "Renamed" }),
      options: withRules([SENIOR]),
    };
    const update = updateOf(plan(w), "E1")!;
    expect(update.after).toMatchObject({
      fields: { name: "Renamed" },
      protection: { hideMobile: true, seniorMode: true },
    });
  });

  it("an account created under the rule remembers its switches: no update follows", () => {
    const on = withRules([SENIOR]);
    const w = synced(hr, undefined, on);
    expect(hashOf(w, "E1")).toMatch(/\|p:hm\+sm$/);
    expect(hashOf(w, "E2")).not.toContain("|p:");
    expect(plan(w).changes).toEqual([]);
  });

  it("hashes stored before switches were remembered cause no update where no rule applies", () => {
    expect(
      plan({ ...before, options: withRules([{ ...SENIOR, grades: ["P9"] }]) }).changes,
    ).toEqual([]);
  });

  it("an omit platform withholds the mobile and remembers no switch", () => {
    const wecom = withRules([SENIOR], WECOM);
    const p = plan({ ...before, options: wecom });
    expect(updateOf(p, "E1")!.after).toEqual({
      imUserId: "E1",
      fields: { mobile: "" },
      syncedHash: expect.not.stringContaining("|p:"),
    });
    expect(applyAndReplan({ ...before, options: wecom }, p).changes).toEqual([]);
  });

  it("the provision trace says which switches the update flips", () => {
    const on = withRules([SENIOR]);
    const w = applied(before, plan({ ...before, options: on }), on);
    const traced = (o: PlanOptions) =>
      planSync({ ...w, options: { ...o, trace: true } })
        .traces!.find((t) => t.employeeNo === "E1")!
        .trace.filter((e) => e.rule === "privacy");
    expect(traced(withRules([]))).toEqual([
      { rule: "privacy", outcome: "none" },
      { rule: "privacy", outcome: "switch_off", field: "mobile" },
      { rule: "privacy", outcome: "senior_mode_off" },
    ]);
    expect(traced(on)).toEqual([
      { rule: "privacy", outcome: "flagged", field: "mobile" },
      { rule: "privacy", outcome: "senior_mode" },
    ]);
  });
});

describe("the synced hash with switches", () => {
  const base = synced(hr, undefined, withRules([SENIOR]));
  const hash = hashOf(base, "E1")!;
  const e1 = hr.employees.find((e) => e.employeeNo === "E1")!;

  it("reads back the switches and the fields", () => {
    expect(parseSyncedProtection(hash)).toEqual({ hideMobile: true, seniorMode: true });
    expect(parseSyncedHash(hash)).toEqual(parseSyncedHash(hash.replace(/\|p:.*$/, "")));
    expect(parseSyncedProtection(hash.replace(/\|p:.*$/, ""))).toEqual({});
    expect(parseSyncedProtection("v0|p:hm")).toEqual({});
  });

  it("still vouches for unchanged fields (the no-change resync's shortcut)", () => {
    expect(matchesSyncedHash(e1, hash)).toBe(true);
    expect(matchesSyncedHash({ ...e1, name: "Other" }, hash)).toBe(false);
  });

  it("keeps the switches when a conflict resolution patches one field", () => {
    const next = applyMemoryUpdates(base.memory, [
      {
        kind: "accountField",
        employeeNo: "E1",
        field: "name",
        hrValue: e1.name,
        imValue: "IM name",
      },
    ]);
    const patched = next.accounts.find((a) => a.employeeNo === "E1")!.syncedHash;
    expect(patched).not.toBe(hash);
    expect(parseSyncedProtection(patched)).toEqual({ hideMobile: true, seniorMode: true });
  });
});
