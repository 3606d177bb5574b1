import type { RunInsert } from "./types";

/** A value for a json/jsonb parameter; `undefined` is stored as JSON null. */
export const json = (v: unknown) => JSON.stringify(v === undefined ? null : v);

/** Column arrays for an unnest() insert of runs. */
export function runColumns(runs: RunInsert[]): unknown[] {
  return [
    runs.map((r) => r.id),
    runs.map((r) => r.fn.id),
    runs.map((r) => r.evt.id),
    runs.map((r) => r.evt.name),
    runs.map((r) => json([r.evt])),
    runs.map((r) => r.fn.maxAttempts),
    runs.map((r) => r.key),
  ];
}
