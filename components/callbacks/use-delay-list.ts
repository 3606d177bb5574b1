"use client";
import { useFormatter } from "next-intl";
import { retrySchedules, type RetryScheduleName } from "@/lib/callbacks/rules/retry-schedule";

const UNITS = [
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1000],
] as const;

/** A retry schedule as the waits in order: "5 sec → 30 sec → 2 min" / "5秒 → 30秒 → 2分钟". */
export function useDelayList() {
  const format = useFormatter();
  return (schedule: RetryScheduleName) =>
    retrySchedules[schedule]
      .map((ms) => {
        const [unit, size] = UNITS.find(([, s]) => ms % s === 0 && ms >= s) ?? UNITS[2];
        return format.number(ms / size, { style: "unit", unit, unitDisplay: "short" });
      })
      .join(" → ");
}
