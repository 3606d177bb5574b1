import { db } from "@/lib/core/db";
import { countSentToday } from "../queries/count-sent-today";
import {
  decideRecipients,
  deferralSlot,
  type DecisionCounts,
  type RecipientState,
} from "../rules/decide-recipients";
import { loadDispatchContext } from "../queries/load-dispatch-context";
import { writeDeliveryUpdates } from "./write-delivery-updates";

export type EvaluateDeliveriesOptions = {
  notificationId: string;
  /** The deferral slot the run slept until (ISO); evaluation happens at max(now, dueAt). Omitted = now. */
  dueAt?: string | null;
  /** Clock for tests; default the wall clock. */
  now?: Date;
};

export type EvaluateDeliveriesResult = DecisionCounts & {
  /** Recipients evaluated in this pass. */
  evaluated: number;
  /** Milliseconds spent in the policy function itself (for the bench). */
  policyMs: number;
  /** When the next deferred deliveries come due (ISO, rounded up to the minute), or null. */
  nextDueAt: string | null;
};

type Row = {
  id: string;
  employeeId: string;
  timeZone: string | null;
  optedIn: boolean | null;
  hasAccount: boolean;
  active: boolean;
};

/**
 * One evaluation pass: every new delivery and every deferred one now due is run through the
 * category version's policy with the employee's preference, zone and today's count, and the
 * outcomes are written in bulk. Deferred ones are re-evaluated when they come due, because counts
 * and preferences change overnight.
 */
export async function evaluateDeliveries(
  options: EvaluateDeliveriesOptions,
): Promise<EvaluateDeliveriesResult> {
  const ctx = await loadDispatchContext(options.notificationId);
  const clock = options.now ?? new Date();
  // A sleep never ends early in production; under a test engine that skips sleeps this keeps the pass at the slot.
  const now = options.dueAt && new Date(options.dueAt) > clock ? new Date(options.dueAt) : clock;
  const connectionId = ctx.target?.connectionId ?? "";

  const rows = await db.$queryRaw<Row[]>`
    SELECT d.id, d."employeeId", e."timeZone", p."optedIn", (a.id IS NOT NULL) AS "hasAccount", (e.status = 'ACTIVE') AS active
    FROM "NotificationDelivery" d
    JOIN "Employee" e ON e.id = d."employeeId"
    LEFT JOIN "NotificationPreference" p ON p."employeeId" = d."employeeId" AND p."categoryId" = ${ctx.notification.categoryId}
    LEFT JOIN "ImAccount" a ON a."employeeId" = d."employeeId" AND a."connectionId" = ${connectionId} AND a.state = 'ACTIVE'
    WHERE d."notificationId" = ${options.notificationId}
      AND ((d.status = 'QUEUED' AND d.reason IS NULL) OR (d.status = 'DEFERRED' AND d."deferredUntil" <= ${now.toISOString()}::timestamp(3)))`;

  const sentToday =
    ctx.policy.throttlePerDay != null && rows.length > 0
      ? await countSentToday({
          categoryId: ctx.notification.categoryId,
          notificationId: options.notificationId,
          recipients: rows,
          companyTimeZone: ctx.companyTimeZone,
          now,
        })
      : new Map<string, number>();
  const states: RecipientState[] = rows.map((r) => ({
    id: r.id,
    timeZone: r.timeZone,
    optedIn: r.optedIn,
    hasAccount: r.hasAccount,
    active: r.active,
    sentToday: sentToday.get(r.employeeId) ?? 0,
  }));

  const started = performance.now();
  const { updates, counts } = decideRecipients({
    rows: states,
    policy: ctx.policy,
    companyTimeZone: ctx.companyTimeZone,
    now,
    noAccountError: ctx.target
      ? `The employee has no active account on the IM target "${ctx.target.name}".`
      : "No IM target connection is configured.",
  });
  const policyMs = performance.now() - started;
  await writeDeliveryUpdates(updates);

  const [{ next }] = await db.$queryRaw<{ next: string | null }[]>`
    SELECT to_char(min("deferredUntil"), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS next
    FROM "NotificationDelivery" WHERE "notificationId" = ${options.notificationId} AND status = 'DEFERRED'`;
  return {
    evaluated: rows.length,
    ...counts,
    policyMs: Math.round(policyMs),
    nextDueAt: next ? deferralSlot(new Date(next)).toISOString() : null,
  };
}
