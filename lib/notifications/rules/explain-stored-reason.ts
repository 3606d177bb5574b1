import type { DeliveryDecision, DeliveryReason } from "@/lib/notifications/rules/evaluate-delivery";
import { explainKey, type ExplainedDecision } from "@/lib/notifications/rules/explain";
import type { NotificationPolicy } from "@/lib/notifications/policy-schema";
import { toWallTime } from "@/lib/notifications/rules/wall-time";

/** Dispatch outcomes that are not policy decisions (set by the sender), each with its own sentence. */
export const OUTCOME_REASON_CODES = [
  "no_im_account",
  "platform_error",
  "invalid_recipient",
  "dispatch_failed",
] as const;

/** A reason sentence to show: `decision` keys live under notify.decision, `outcome` keys under notifications.outcomeReasons. */
export type StoredReasonText =
  | ({ ns: "decision" } & ExplainedDecision)
  | { ns: "outcome"; key: string; values: Record<string, string> };

export type ExplainStoredReasonOptions = {
  /** NotificationDelivery.reason: the policy's reason code, or a dispatch outcome code (no_im_account, platform_error, …). */
  code: string | null;
  /** NotificationDelivery.deferredUntil. */
  deferredUntil: Date | null;
  /** The recipient's zone (already defaulted to the company's). */
  timeZone: string;
  /** The category version the notification was sent under (stored JSON, read leniently). */
  policy: Partial<NotificationPolicy> | null;
};

/**
 * Rebuilds the sentence for a stored delivery: the dispatcher keeps only the reason code, so the
 * parameters come from the policy version the notification used and the delivery row itself,
 * and `explainKey` (the sender's explanation) phrases it. Null when nothing was decided yet.
 */
export function explainStoredReason({
  code,
  deferredUntil,
  timeZone,
  policy,
}: ExplainStoredReasonOptions): StoredReasonText | null {
  if (!code) return null;
  const quiet = policy?.quietHours;
  const quietParams = {
    timeZone: quiet?.timeZone ?? timeZone,
    quietStart: quiet?.start ?? "",
    quietEnd: quiet?.end ?? "",
  };
  const limit = policy?.throttlePerDay ?? 0;
  const until = deferredUntil?.toISOString();
  let reason: DeliveryReason | null = null;
  switch (code) {
    case "deliver_now":
    case "mandatory_override":
      reason = { code, params: { timeZone } };
      break;
    case "urgent_bypass":
      reason = { code, params: quietParams };
      break;
    case "opted_out":
    case "not_opted_in":
      reason = { code, params: {} };
      break;
    case "throttled_drop":
      // The sender stops at the limit, so the count it saw was the limit itself.
      reason = { code, params: { limit, sentToday: limit } };
      break;
    case "quiet_hours_defer":
      if (until) reason = { code, params: { ...quietParams, until } };
      break;
    case "throttled_defer":
      if (until && deferredUntil) {
        const wall = toWallTime(deferredUntil, timeZone);
        // Deferred past the recipient's midnight only when quiet hours held it longer.
        const pushed = quiet?.enabled && (wall.hour !== 0 || wall.minute !== 0);
        reason = {
          code,
          params: {
            limit,
            sentToday: limit,
            timeZone,
            until,
            ...(pushed ? { quiet: quietParams } : {}),
          },
        };
      }
      break;
  }
  if (reason) {
    const action = reason.code.endsWith("_defer")
      ? "defer"
      : ["opted_out", "not_opted_in", "throttled_drop"].includes(reason.code)
        ? "suppress"
        : "send";
    return {
      ns: "decision",
      ...explainKey({ action, at: deferredUntil, reason } as DeliveryDecision),
    };
  }
  return {
    ns: "outcome",
    key: (OUTCOME_REASON_CODES as readonly string[]).includes(code) ? code : "unknown",
    values: { code },
  };
}
