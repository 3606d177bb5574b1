export const RUN_STATUSES = [
  "QUEUED",
  "RUNNING",
  "SLEEPING",
  "WAITING",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export type RunRow = {
  id: string;
  functionId: string;
  functionName: string;
  eventName: string;
  status: RunStatus;
  attempt: number;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  steps: number;
  rerunOf: string | null;
  /** Why a queued run waits (debouncing, batching, throttled …) and until when, if known. */
  waitReason: string | null;
  waitUntil: string | null;
};
