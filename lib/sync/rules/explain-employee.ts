import { ACCOUNT_FIELDS } from "./account-fields";
import type { DirectoryPrivacyResult } from "./apply-directory-privacy";
import { buildProvisionTrace } from "./build-provision-trace";
import type { AccountTarget } from "./compute-account-target";
import type { FieldDecision, TraceEntry } from "./provision-trace-types";
import type { TransferState } from "./resolve-transfer";
import type { UnitTarget } from "./resolve-unit-targets";
import type { ProtectionSwitches } from "../types";

export type PlanDecisions = {
  unitTargets: ReadonlyMap<string, UnitTarget>;
  accountTargets: ReadonlyMap<string, AccountTarget>;
  privacy: DirectoryPrivacyResult | null;
  blockedCreates: ReadonlySet<string>;
  fieldDecisions: readonly FieldDecision[];
  /** Per employee: the manager decision's trace line. */
  managerTraces?: ReadonlyMap<string, TraceEntry>;
  /** Scheduled transfers by employee number, pending or in effect. */
  transfers: ReadonlyMap<string, TransferState>;
  /** Per employee: the protection switches an update flips. */
  protectionFlips: ReadonlyMap<string, ProtectionSwitches>;
};

/** One employee's trace, picked out of the decisions planSync made for everyone. */
export function explainEmployee(
  employeeNo: string,
  unitCode: string | undefined,
  decisions: PlanDecisions,
): { employeeNo: string; trace: TraceEntry[] } {
  const trace = buildProvisionTrace({
    employeeNo,
    unitCode,
    unitTarget: unitCode ? decisions.unitTargets.get(unitCode) : undefined,
    accountTarget: decisions.accountTargets.get(employeeNo) ?? { kind: "none" },
    protection: decisions.privacy?.protection.get(employeeNo),
    protectionFlip: decisions.protectionFlips.get(employeeNo),
    withheld: ACCOUNT_FIELDS.filter((f) => decisions.privacy?.withheld.has(`${employeeNo}#${f}`)),
    fields: decisions.fieldDecisions.filter((d) => d.employeeNo === employeeNo),
    createBlocked: decisions.blockedCreates.has(employeeNo),
    manager: decisions.managerTraces?.get(employeeNo),
    transfer: decisions.transfers.get(employeeNo),
  });
  return { employeeNo, trace };
}
