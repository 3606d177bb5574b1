import { deleteAt } from "@/lib/sync/rules/delete-at";
import { employeeTimeZone } from "@/lib/sync/rules/employee-time-zone";
import { lifecycleInstants } from "@/lib/sync/rules/lifecycle-instants";
import { resolveTransfer } from "@/lib/sync/rules/resolve-transfer";
import type { LifecycleConfig } from "@/lib/sync/types";
import type { ScheduleAccount, ScheduledChange, ScheduleEmployee, ScheduleTarget } from "../types";

export type ScheduleLifecycleChangesInput = {
  employees: readonly ScheduleEmployee[];
  targets: readonly ScheduleTarget[];
  /** Remembered accounts by `${connectionId}#${employeeNo}`. */
  accounts: ReadonlyMap<string, ScheduleAccount>;
  lifecycle: LifecycleConfig;
  companyTimeZone: string;
  now: Date;
  /**
   * The lifecycle watermark: steps up to here were claimed. A transfer leaves no trace in what
   * OrgBridge remembers of an account, so once claimed it is done; null = nothing claimed yet.
   */
  firedUntil?: Date | null;
};

const LIVE = new Set(["PENDING", "ACTIVE", "SUSPENDED", "DISABLED"]);

/**
 * Every joiner, mover and leaver step still to happen, per employee and IM target, soonest first —
 * from the same instants the sync planner acts on (lifecycleInstants, resolveTransfer), so the list
 * and what sync does agree. A step whose instant has passed but whose effect is not remembered yet is
 * listed too: it is due (a transfer until the watermark has passed it).
 */
export function scheduleLifecycleChanges(input: ScheduleLifecycleChangesInput): ScheduledChange[] {
  const { lifecycle, now } = input;
  const out: ScheduledChange[] = [];
  for (const employee of input.employees) {
    const timeZone = employeeTimeZone(employee, input.companyTimeZone);
    const at = lifecycleInstants({ employee, lifecycle, now, timeZone });
    const { transfer } = resolveTransfer({
      employee,
      now,
      companyTimeZone: input.companyTimeZone,
    });
    // A leaver gone before the move's day is not moved; a claimed move has been synced.
    const move =
      transfer &&
      (!at.disableAt || at.disableAt.getTime() > transfer.effectiveAt.getTime()) &&
      (!input.firedUntil || transfer.effectiveAt.getTime() > input.firedUntil.getTime())
        ? transfer
        : null;
    for (const target of input.targets) {
      const account = input.accounts.get(`${target.connectionId}#${employee.employeeNo}`);
      const live = account !== undefined && LIVE.has(account.state);
      const push = (
        type: ScheduledChange["type"],
        when: Date,
        reason?: string,
        extra?: Pick<ScheduledChange, "fromUnit" | "toUnit">,
      ) =>
        out.push({
          type,
          employeeNo: employee.employeeNo,
          name: employee.name,
          connectionId: target.connectionId,
          effectiveAt: when.toISOString(),
          timeZone,
          ...(reason !== undefined ? { reason } : {}),
          ...extra,
        });

      // Every target: a move can bring the employee into scope or take them out of it.
      if (move && account?.state !== "DISABLED" && account?.state !== "DELETED")
        push("transfer", move.effectiveAt, undefined, {
          ...(move.fromUnit ? { fromUnit: move.fromUnit } : {}),
          toUnit: move.toUnit,
        });

      const { startAt, preboardAt } = at;
      if (startAt && preboardAt && !at.disableAt) {
        const ahead = startAt.getTime() > now.getTime();
        if (!live && employee.status === "onboarding") {
          // Once the first day has begun a missing account is simply created (enabled).
          if (target.canDisableUser && ahead) {
            push("preboard", preboardAt);
            push("enable", startAt);
          } else push("create", startAt);
        } else if (live && account?.state === "PENDING") push("enable", startAt);
      }

      if (!live || !at.disableAt || !at.termination) {
        // A disabled account whose employee HR no longer terminates (rehired) is not deleted.
        continue;
      }
      if (account?.state !== "DISABLED") push("disable", at.disableAt, at.termination.reason);
      if (lifecycle.deleteAfterDays !== null) {
        const from =
          account?.state === "DISABLED" && account.disabledAt
            ? account.disabledAt
            : at.disableAt.toISOString();
        push(
          "delete",
          new Date(deleteAt(from, lifecycle.deleteAfterDays, timeZone)),
          at.termination.reason,
        );
      }
    }
  }
  return out.sort(
    (a, b) =>
      a.effectiveAt.localeCompare(b.effectiveAt) ||
      a.employeeNo.localeCompare(b.employeeNo) ||
      a.connectionId.localeCompare(b.connectionId),
  );
}
