import { z } from "zod";
import { callbackEventTypes } from "@/lib/callbacks/rules/event-catalogue";

// Shared with client components: no database imports here.

export const DELIVERY_STATUSES = ["PENDING", "RETRYING", "SUCCEEDED", "DEAD"] as const;
export type DeliveryStatusName = (typeof DELIVERY_STATUSES)[number];

/** Deliveries the engine is still working on (the log refreshes while any is in one). */
export const ACTIVE_DELIVERY_STATUSES: readonly DeliveryStatusName[] = ["PENDING", "RETRYING"];

export const SUCCESS_RATE_RANGES = ["24h", "7d"] as const;
export type SuccessRateRange = (typeof SUCCESS_RATE_RANGES)[number];

export const DELIVERIES_PAGE_SIZE = 50;

export const deliveryFilterSchema = z.object({
  // Empty form values mean "any".
  status: z
    .enum([...DELIVERY_STATUSES, ""])
    .optional()
    .transform((v) => v || undefined),
  type: z
    .enum([...callbackEventTypes, ""])
    .optional()
    .transform((v) => v || undefined),
  range: z.enum(SUCCESS_RATE_RANGES).default("24h"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type DeliveryFilter = z.output<typeof deliveryFilterSchema>;

/** One bar of the success-rate chart: attempts that started in [start, next start). */
export type SuccessRateBucket = {
  /** ISO instant the bucket starts (an hour, or midnight in the company time zone). */
  start: string;
  /** Attempts answered with 2xx. */
  succeeded: number;
  /** Attempts that got anything else: another status, a timeout, a refused or reset connection. */
  failed: number;
  /** succeeded / (succeeded + failed), 0–1; null when there was no attempt. */
  rate: number | null;
};

export type SuccessRateSeries = {
  range: SuccessRateRange;
  buckets: SuccessRateBucket[];
  succeeded: number;
  failed: number;
  rate: number | null;
};

/** Why an endpoint is off, for the badge and the banner. */
export type DisabledKind = "manual" | "auto" | "gone";
