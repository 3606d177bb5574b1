import type { GroupRef } from "../types";

/** Comparable key of a group reference: "" = top level; a pending group never equals an existing id. */
export function groupRefKey(ref: GroupRef | null): string {
  if (!ref) return "";
  return "externalId" in ref ? ref.externalId : `\u0000pending:${ref.pendingUnitCode}`;
}
