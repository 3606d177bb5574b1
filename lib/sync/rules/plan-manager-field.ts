import type { AuthorityMode } from "../attribute-authority-schema";
import { authorityAllowsWrite } from "./authority-allows-write";
import { compareSyncedValue, type SyncedComparison } from "./compare-synced-value";
import type { SyncedSlot } from "./parse-synced-hash";
import type { TraceEntry } from "./provision-trace-types";
import type { ManagerDecision } from "./resolve-managers";
import { stableHash } from "./stable-hash";
import type { ManagerRef } from "../types";

export type PlanManagerFieldInput = {
  /** What resolveManagers decided; absent = the platform has no manager field. */
  decision: ManagerDecision | undefined;
  /** The account is created in this run. */
  creating: boolean;
  /** The IM's current manager id ("" none); undefined = the IM did not say. */
  imManagerId: string | undefined;
  /** The manager slot of the remembered synced hash; undefined = never synced (or stored before managers were). */
  last: SyncedSlot | undefined;
  /** The manager's authority on this connection. */
  mode: AuthorityMode;
};

export type ManagerFieldPlan = {
  /** Write this manager; null clears the IM's; undefined writes nothing. */
  write?: ManagerRef | null;
  /** The manager slot to remember; undefined = none (the platform has no manager field). */
  slot?: SyncedSlot;
  /** The trace line (rule "manager"). */
  trace: TraceEntry;
};

const slotOf = (id: string): SyncedSlot => {
  const h = stableHash(id.trim());
  return { hr: h, im: h };
};

/**
 * One account's manager: the three-way compare of the wanted manager's IM id, the IM's and the
 * remembered one (like the person fields: an IM-only edit is restored under "HR wins"), then the
 * manager's authority. A conflict writes nothing: a new account gets no manager, an existing one
 * keeps the IM's, and the remembered slot stays so the write follows once the conflict is gone.
 */
export function planManagerField(input: PlanManagerFieldInput): ManagerFieldPlan {
  const { decision, creating, imManagerId, last } = input;
  if (!decision || decision.kind === "unsupported")
    return { slot: last, trace: { rule: "manager", outcome: "unsupported" } };
  if (decision.kind === "conflict") {
    const slot = creating
      ? slotOf("")
      : (last ?? (imManagerId !== undefined ? slotOf(imManagerId) : undefined));
    return {
      slot,
      trace: {
        rule: "manager",
        outcome: decision.reason === "cycle" ? "conflict_cycle" : "conflict_out_of_scope",
        detail: { manager: decision.managerNo, reason: decision.reason },
      },
    };
  }
  const wanted = decision.kind === "set" ? decision.imUserId : "";
  const ref: ManagerRef | null =
    decision.kind !== "set"
      ? null
      : decision.pending
        ? { pendingEmployeeNo: decision.managerNo }
        : { employeeNo: decision.managerNo, imUserId: decision.imUserId };
  const detail: Record<string, string> = {
    reason: input.mode,
    ...(decision.kind === "set" ? { manager: decision.managerNo, imUserId: wanted } : {}),
    ...(creating ? { at: "creation" } : {}),
  };
  const written = (): ManagerFieldPlan => ({
    ...(ref || !creating ? { write: ref } : {}),
    slot: slotOf(wanted),
    trace: {
      rule: "manager",
      outcome: !ref
        ? creating
          ? "none"
          : "cleared"
        : "pendingEmployeeNo" in ref
          ? "waiting"
          : "written",
      detail,
    },
  });
  if (creating) return written();

  const hr = stableHash(wanted.trim());
  let result: SyncedComparison;
  if (imManagerId !== undefined) {
    result = compareSyncedValue({
      hr,
      im: stableHash(imManagerId.trim()),
      lastIm: last?.im,
      lastHr: last?.hr,
      imOnlyChange: "apply_hr",
    });
  } else {
    // Not reported (or vouched for from memory): HR's wish against what was last written.
    result = (last ? last.hr === hr : wanted === "") ? "in_sync" : "apply_hr";
  }
  if (result === "in_sync")
    return { slot: slotOf(wanted), trace: { rule: "manager", outcome: "in_sync", detail } };
  const writable =
    result !== "accepted_im" &&
    authorityAllowsWrite({ mode: input.mode, creating: false, imBlank: imManagerId === "" });
  if (writable) return written();
  return {
    slot: last ?? (imManagerId !== undefined ? slotOf(imManagerId) : undefined),
    trace: {
      rule: "manager",
      outcome: "kept",
      detail: { ...detail, reason: result === "accepted_im" ? result : input.mode },
    },
  };
}
