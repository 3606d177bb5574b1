import { describe, expect, it } from "vitest";
import { applyResolution } from "./apply-resolution";
import { conflictFromRow } from "./conflict-from-row";

// Conflicts recorded outside the planner (several HR sources, SCIM departments) read back from
// their rows: they can be ignored, and any other decision is refused with a reason, never a crash.
describe("applyResolution on conflicts recorded outside the planner", () => {
  const row = (type: string) =>
    conflictFromRow({
      type,
      fingerprint: "f",
      subjectType: "employee",
      subjectKey: "E1",
      hrValue: { via: "email" },
      imValue: null,
      detail: null,
    });
  it.each(["source_claim", "scim_unmatched_department"])(
    "%s: ignore works, keep HR is refused",
    (type) => {
      const now = new Date();
      expect(
        applyResolution({ conflict: row(type), resolution: { kind: "ignore" }, now }),
      ).toMatchObject({ ok: true });
      const kept = applyResolution({ conflict: row(type), resolution: { kind: "keep_hr" }, now });
      expect(kept).toMatchObject({ ok: false, error: expect.stringContaining("at its source") });
    },
  );
});
