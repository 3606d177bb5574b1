import { isValidTimeZone } from "@/lib/core/time/is-valid-time-zone";
import { nextInstantAtWallTime } from "./next-instant-at-wall-time";
import type { NotificationPolicy } from "../policy-schema";
import { isInQuietHours, quietHoursEndAt } from "./quiet-hours";
import { addDays, toWallTime } from "./wall-time";

/** The policy fields that decide delivery (a full NotificationPolicy fits). */
export type DeliveryPolicy = Pick<
  NotificationPolicy,
  | "mandatory"
  | "urgent"
  | "defaultOptIn"
  | "quietHours"
  | "quietAction"
  | "throttlePerDay"
  | "throttleAction"
>;

export type EvaluateDeliveryOptions = {
  /** The category's policy. */
  policy: DeliveryPolicy;
  /** The recipient: own IANA zone (null/invalid → company's) and stored preference (undefined/null → none). */
  recipient: { timeZone?: string | null; optedIn?: boolean | null };
  /** Zone used when the recipient has none. */
  companyTimeZone: string;
  /** The moment of evaluation. */
  now: Date;
  /** Notifications of this category already sent to the recipient in their current local day. */
  sentTodayForCategory: number;
};

/** Why a decision was taken; `params` fill the explanation sentence (instants as ISO strings). */
export type DeliveryReason =
  | { code: "deliver_now"; params: { timeZone: string } }
  | { code: "mandatory_override"; params: { timeZone: string } }
  | { code: "urgent_bypass"; params: { timeZone: string; quietStart: string; quietEnd: string } }
  | {
      code: "quiet_hours_defer";
      params: { timeZone: string; quietStart: string; quietEnd: string; until: string };
    }
  | { code: "opted_out"; params: Record<string, never> }
  | { code: "not_opted_in"; params: Record<string, never> }
  | { code: "throttled_drop"; params: { limit: number; sentToday: number } }
  | {
      code: "throttled_defer";
      params: {
        limit: number;
        sentToday: number;
        timeZone: string;
        until: string;
        /** Set when the next day's start fell into quiet hours and was pushed to their end. */
        quiet?: { timeZone: string; quietStart: string; quietEnd: string };
      };
    };

export type DeliveryReasonCode = DeliveryReason["code"];

export type DeliveryDecision =
  | {
      action: "send";
      reason: Extract<
        DeliveryReason,
        { code: "deliver_now" | "mandatory_override" | "urgent_bypass" }
      >;
    }
  | {
      action: "defer";
      at: Date;
      reason: Extract<DeliveryReason, { code: "quiet_hours_defer" | "throttled_defer" }>;
    }
  | {
      action: "suppress";
      reason: Extract<DeliveryReason, { code: "opted_out" | "not_opted_in" | "throttled_drop" }>;
    };

/**
 * Decide whether one notification goes to one recipient now, later, or never. The single
 * rule shared by the sender and the console's simulator; pure, so it can run for 100k
 * recipients per request. Order: preference, then daily throttle, then quiet hours.
 */
export function evaluateDelivery(options: EvaluateDeliveryOptions): DeliveryDecision {
  const { policy, recipient, companyTimeZone, now, sentTodayForCategory } = options;
  const ownZone =
    recipient.timeZone && isValidTimeZone(recipient.timeZone)
      ? recipient.timeZone
      : companyTimeZone;

  if (!policy.mandatory) {
    if (recipient.optedIn === false)
      return { action: "suppress", reason: { code: "opted_out", params: {} } };
    if (recipient.optedIn == null && !policy.defaultOptIn) {
      return { action: "suppress", reason: { code: "not_opted_in", params: {} } };
    }
  }

  const quiet = policy.quietHours;
  const quietZone = quiet.timeZone ?? ownZone;
  const quietParams = { timeZone: quietZone, quietStart: quiet.start, quietEnd: quiet.end };
  // "deliver" is honoured only for mandatory+urgent, even if an unvalidated policy says otherwise.
  const bypassQuiet = policy.quietAction === "deliver" && policy.mandatory && policy.urgent;
  const deferQuiet = quiet.enabled && !bypassQuiet;

  const limit = policy.throttlePerDay;
  if (limit != null && sentTodayForCategory >= limit) {
    const params = { limit, sentToday: sentTodayForCategory };
    if (policy.throttleAction === "drop")
      return { action: "suppress", reason: { code: "throttled_drop", params } };
    const tomorrow = addDays(toWallTime(now, ownZone), 1);
    const midnight = nextInstantAtWallTime({ ...tomorrow, hour: 0, minute: 0 }, ownZone, now);
    const afterQuiet = deferQuiet
      ? quietHoursEndAt({ at: midnight, window: quiet, timeZone: quietZone })
      : null;
    const at = afterQuiet ?? midnight;
    return {
      action: "defer",
      at,
      reason: {
        code: "throttled_defer",
        params: {
          ...params,
          timeZone: ownZone,
          until: at.toISOString(),
          ...(afterQuiet ? { quiet: quietParams } : {}),
        },
      },
    };
  }

  if (quiet.enabled) {
    if (bypassQuiet) {
      if (isInQuietHours({ at: now, window: quiet, timeZone: quietZone })) {
        return { action: "send", reason: { code: "urgent_bypass", params: quietParams } };
      }
    } else {
      const until = quietHoursEndAt({ at: now, window: quiet, timeZone: quietZone });
      if (until) {
        return {
          action: "defer",
          at: until,
          reason: {
            code: "quiet_hours_defer",
            params: { ...quietParams, until: until.toISOString() },
          },
        };
      }
    }
  }

  if (policy.mandatory && recipient.optedIn === false) {
    return {
      action: "send",
      reason: { code: "mandatory_override", params: { timeZone: ownZone } },
    };
  }
  return { action: "send", reason: { code: "deliver_now", params: { timeZone: ownZone } } };
}
