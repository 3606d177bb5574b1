import type { DeliveryDecision } from "./evaluate-delivery";
import { explainMessages, type ExplainLocale, type ExplainMessageKey } from "./explain-messages";
import { toWallTime } from "./wall-time";

/** A translatable explanation: the UI looks `key` up under `notify.decision` and fills `values`. */
export type ExplainedDecision = { key: ExplainMessageKey; values: Record<string, string | number> };

const pad = (n: number) => String(n).padStart(2, "0");

/** The message key and placeholder values for a decision (local date/time already formatted). */
export function explainKey(decision: DeliveryDecision): ExplainedDecision {
  const { reason } = decision;
  switch (reason.code) {
    case "quiet_hours_defer":
    case "throttled_defer": {
      const wall = toWallTime(new Date(reason.params.until), reason.params.timeZone);
      const when = {
        date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`,
        time: `${pad(wall.hour)}:${pad(wall.minute)}`,
      };
      if (reason.code === "quiet_hours_defer") {
        const { quietStart, quietEnd, timeZone } = reason.params;
        return { key: reason.code, values: { ...when, timeZone, quietStart, quietEnd } };
      }
      const { limit, sentToday, timeZone, quiet } = reason.params;
      const values = { ...when, timeZone, limit, sentToday };
      return quiet
        ? {
            key: "throttled_defer_quiet",
            values: { ...values, quietStart: quiet.quietStart, quietEnd: quiet.quietEnd },
          }
        : { key: "throttled_defer", values };
    }
    default:
      return { key: reason.code, values: { ...reason.params } };
  }
}

/** The decision as one sentence in zh-CN or en, e.g. for logs, tooltips and the simulator. */
export function explainDecision(decision: DeliveryDecision, locale: ExplainLocale = "en"): string {
  const { key, values } = explainKey(decision);
  return explainMessages[locale][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in values ? String(values[name]) : m,
  );
}
