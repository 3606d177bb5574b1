export type SyncedComparison = "in_sync" | "apply_hr" | "accepted_im" | "conflict";

export type CompareSyncedValueInput = {
  /** What HR wants now (already rendered/normalised/hashed). */
  hr: string;
  /** What IM has now. */
  im: string;
  /** What OrgBridge last wrote to (or accepted from) IM; undefined = no memory. */
  lastIm: string | undefined;
  /** The HR value that last write corresponded to; defaults to lastIm. */
  lastHr?: string;
  /** What to do when only IM changed: groups raise a conflict, account fields restore HR. */
  imOnlyChange: "conflict" | "apply_hr";
};

/** Three-way comparison of HR target, IM actual and last-synced memory. */
export function compareSyncedValue(input: CompareSyncedValueInput): SyncedComparison {
  if (input.hr === input.im) return "in_sync";
  if (input.lastIm === undefined) return "apply_hr";
  const imChanged = input.im !== input.lastIm;
  const hrChanged = input.hr !== (input.lastHr ?? input.lastIm);
  if (!imChanged) return hrChanged ? "apply_hr" : "accepted_im";
  if (!hrChanged) return input.imOnlyChange;
  return "conflict";
}
