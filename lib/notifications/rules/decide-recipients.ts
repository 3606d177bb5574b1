import { evaluateDelivery, type DeliveryPolicy } from "@/lib/notifications/rules/evaluate-delivery";

/** One recipient as the dispatcher loaded it. */
export type RecipientState = {
  /** NotificationDelivery id. */
  id: string;
  /** The employee's IANA zone (null/invalid → the company's). */
  timeZone: string | null;
  /** Stored preference for the category (null = none). */
  optedIn: boolean | null;
  /** The employee has an active account on the IM target. */
  hasAccount: boolean;
  /** Notifications of the category already sent to them in their local day. */
  sentToday: number;
  /** Still an active employee (false: left or went on leave while the delivery was deferred). Default true. */
  active?: boolean;
};

/** What to write on one delivery. QUEUED with a reason = decided: send now. */
export type DeliveryUpdate = {
  id: string;
  status: "QUEUED" | "DEFERRED" | "SUPPRESSED" | "FAILED";
  reason: string;
  deferredUntil: Date | null;
  error: string | null;
};

export type DecideRecipientsOptions = {
  rows: readonly RecipientState[];
  /** The policy of the category version the notification was sent under. */
  policy: DeliveryPolicy;
  companyTimeZone: string;
  /** The moment of evaluation. */
  now: Date;
  /** Error text for recipients who should get it now but have no IM account. */
  noAccountError: string;
};

export type DecisionCounts = { send: number; deferred: number; suppressed: number; failed: number };

/**
 * Applies the policy function to every recipient: send now (QUEUED + reason), defer (until T),
 * suppress (opted out / not opted in / throttled), or fail `no_im_account` when it should go now
 * but the employee has nowhere to receive it. Pure; the dispatcher writes the result in bulk.
 */
export function decideRecipients(options: DecideRecipientsOptions): {
  updates: DeliveryUpdate[];
  counts: DecisionCounts;
} {
  const { rows, policy, companyTimeZone, now, noAccountError } = options;
  const counts: DecisionCounts = { send: 0, deferred: 0, suppressed: 0, failed: 0 };
  const updates: DeliveryUpdate[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.active === false) {
      counts.suppressed++;
      updates[i] = {
        id: r.id,
        status: "SUPPRESSED",
        reason: "employee_inactive",
        deferredUntil: null,
        error: null,
      };
      continue;
    }
    const decision = evaluateDelivery({
      policy,
      recipient: { timeZone: r.timeZone, optedIn: r.optedIn },
      companyTimeZone,
      now,
      sentTodayForCategory: r.sentToday,
    });
    if (decision.action === "suppress") {
      counts.suppressed++;
      updates[i] = {
        id: r.id,
        status: "SUPPRESSED",
        reason: decision.reason.code,
        deferredUntil: null,
        error: null,
      };
    } else if (decision.action === "defer") {
      counts.deferred++;
      updates[i] = {
        id: r.id,
        status: "DEFERRED",
        reason: decision.reason.code,
        deferredUntil: decision.at,
        error: null,
      };
    } else if (!r.hasAccount) {
      counts.failed++;
      updates[i] = {
        id: r.id,
        status: "FAILED",
        reason: "no_im_account",
        deferredUntil: null,
        error: noAccountError,
      };
    } else {
      counts.send++;
      updates[i] = {
        id: r.id,
        status: "QUEUED",
        reason: decision.reason.code,
        deferredUntil: null,
        error: null,
      };
    }
  }
  return { updates, counts };
}

/** The wake-up time for deferred deliveries: rounded up to the minute (as planBatches groups), so nearby times share one sleep. */
export function deferralSlot(at: Date, bucketMs = 60_000): Date {
  return new Date(Math.ceil(at.getTime() / bucketMs) * bucketMs);
}
