import type { AccountTarget } from "./compute-account-target";
import type { FieldDecision, TraceEntry } from "./provision-trace-types";
import type { TransferState } from "./resolve-transfer";
import type { UnitTarget } from "./resolve-unit-targets";
import type { AccountProtection, AccountField, GroupRef, ProtectionSwitches } from "../types";

export type BuildProvisionTraceInput = {
  employeeNo: string;
  /** The employee's org unit in HR; undefined when HR no longer lists them or gives no unit. */
  unitCode: string | undefined;
  /** What resolveUnitTargets decided for that unit. */
  unitTarget: UnitTarget | undefined;
  /** What computeAccountTarget decided for the employee. */
  accountTarget: AccountTarget;
  /** Privacy: platform switches turned on, and fields withheld. */
  protection: AccountProtection | undefined;
  /** The switches an update flips on the existing account (a rule started or stopped applying). */
  protectionFlip?: ProtectionSwitches;
  withheld: readonly AccountField[];
  /** The account planner's per-field decisions for this employee. */
  fields: readonly FieldDecision[];
  /** A conflict blocks the account's creation. */
  createBlocked: boolean;
  /** The manager decision (written, waiting for the manager's creation, conflict, no manager field). */
  manager?: TraceEntry;
  /** The employee's scheduled transfer, pending or in effect. */
  transfer?: TransferState;
};

function groupDetail(ref: GroupRef): Record<string, string> {
  return "externalId" in ref ? { group: ref.externalId } : { newGroupFor: ref.pendingUnitCode };
}

/**
 * Turns what the planner's rules decided for one employee into a readable trace: effective date,
 * scoping, mapping, privacy, attribute authority and the manager. It explains decisions already made; it never
 * decides anything itself, so the trace cannot disagree with the plan.
 */
export function buildProvisionTrace(input: BuildProvisionTraceInput): TraceEntry[] {
  const trace: TraceEntry[] = [];
  const t = input.accountTarget;
  const date: TraceEntry = { rule: "effective_date", outcome: t.kind };
  if (t.kind === "preboarded") date.detail = { enableAt: t.enableAt };
  if (t.kind === "disabled") date.detail = { effectiveAt: t.effectiveAt, reason: t.reason };
  trace.push(date);
  const move = input.transfer;
  if (move)
    trace.push({
      rule: "effective_date",
      outcome: move.state === "pending" ? "transfer_pending" : "transfer_in_effect",
      detail: {
        effectiveAt: move.effectiveAt.toISOString(),
        timeZone: move.timeZone,
        fromUnit: move.fromUnit ?? "",
        toUnit: move.toUnit,
      },
    });

  const u = input.unitTarget;
  if (!input.unitCode) {
    trace.push({ rule: "scoping", outcome: "no_unit" });
  } else if (!u) {
    trace.push({ rule: "scoping", outcome: "unit_unknown", detail: { unit: input.unitCode } });
  } else if (u.kind === "group") {
    trace.push({ rule: "scoping", outcome: "in_scope", detail: { unit: input.unitCode } });
    const detail: Record<string, string> = { mode: u.mode, ...groupDetail(u.ref) };
    if (u.mirror) detail.name = u.mirror.name;
    trace.push({ rule: "mapping", outcome: u.mode === "MIRROR" ? "mirror" : "link", detail });
  } else {
    trace.push({
      rule: "scoping",
      outcome: u.kind === "none" ? u.reason : `blocked_${u.reason}`,
      detail: { unit: input.unitCode },
    });
  }
  if (input.createBlocked) trace.push({ rule: "scoping", outcome: "blocked_by_conflict" });

  if (input.protection?.hideMobile)
    trace.push({ rule: "privacy", outcome: "flagged", field: "mobile" });
  if (input.protection?.seniorMode) trace.push({ rule: "privacy", outcome: "senior_mode" });
  for (const field of input.withheld) trace.push({ rule: "privacy", outcome: "withheld", field });
  if (!input.protection && input.withheld.length === 0)
    trace.push({ rule: "privacy", outcome: "none" });
  const flip = input.protectionFlip;
  if (flip?.hideMobile !== undefined)
    trace.push({
      rule: "privacy",
      outcome: flip.hideMobile ? "switch_on" : "switch_off",
      field: "mobile",
    });
  if (flip?.seniorMode !== undefined)
    trace.push({
      rule: "privacy",
      outcome: flip.seniorMode ? "senior_mode_on" : "senior_mode_off",
    });

  for (const f of input.fields)
    trace.push({
      rule: "authority",
      outcome: f.outcome,
      field: f.field,
      detail: { reason: f.reason, ...(f.creating ? { at: "creation" } : {}) },
    });
  if (input.manager) trace.push(input.manager);
  return trace;
}
