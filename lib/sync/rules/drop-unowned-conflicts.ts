import type { DetectConflictsResult } from "@/lib/conflicts/rules/detect-conflicts";
import type { AttributeAuthority } from "../attribute-authority-schema";

/**
 * A field changed on both sides is only a question when HR owns it: under "IM wins" or
 * "set once" the IM's value stands by definition, so the both_changed conflict (and the
 * write block it carries) is dropped. Everything else detectConflicts found is kept.
 */
export function dropUnownedConflicts(
  detected: DetectConflictsResult,
  authority: AttributeAuthority | undefined,
): DetectConflictsResult {
  if (!authority) return detected;
  const blockedFields = new Set(detected.blockedFields);
  const conflicts = detected.conflicts.filter((c) => {
    if (c.type !== "both_changed") return true;
    const field = fieldOf(c.hrValue);
    if (!field || (authority[field as keyof AttributeAuthority] ?? "hr_wins") === "hr_wins")
      return true;
    blockedFields.delete(c.subjectKey);
    return false;
  });
  return { ...detected, conflicts, blockedFields };
}

function fieldOf(hrValue: unknown): string | undefined {
  if (hrValue && typeof hrValue === "object" && "field" in hrValue) {
    const f = (hrValue as { field: unknown }).field;
    return typeof f === "string" ? f : undefined;
  }
  return undefined;
}
