// Shared by the executor benches: offer events to an executor's event API and read back, from the
// database's own clocks, how long each run took from its event to its end.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import type pg from "pg";

export const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** Resident memory of a process, MB. */
export const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

/** A process and its live children, e.g. a cluster's primary and its workers (Linux /proc). */
export const withChildren = (pid: number): number[] => {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return [pid, ...(children ? children.split(" ").map(Number) : [])];
};

/** CPU time (user + system) a process has used so far, ms (Linux /proc; 100 ticks a second). */
export const cpuMs = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

export type RunFigures = {
  runs: number;
  completed: number;
  runsPerSec: number;
  p50: number;
  p99: number;
  max: number;
};

/** Sends events to `{executorUrl}/e/{eventKey}`; returns their ids. */
export function eventSender(executorUrl: string, eventKey: string) {
  return async (body: unknown): Promise<string[]> => {
    const res = await fetch(`${executorUrl}/e/${eventKey}`, {
      method: "POST",
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`send failed: ${res.status}`);
    return ((await res.json()) as { ids: string[] }).ids;
  };
}

/** Waits for the runs of these events to end; latency (event → end) and throughput from the database's clocks. */
export async function measureRuns(pool: pg.Pool, ids: string[], t0: number): Promise<RunFigures> {
  const deadline = Date.now() + 300_000;
  // JobRun has no index on eventId (nothing in the product looks runs up by event): counting these
  // events' runs read the whole table, ~80 ms of PostgreSQL CPU a poll on a busy install, taken from
  // the product under test. The poll counts runs ended since the offer began (index on status,
  // endedAt), and only once those are enough checks these events' runs exactly.
  const since = new Date(t0 - 1000);
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "JobRun" WHERE status IN ('COMPLETED','FAILED') AND "endedAt" >= $1`,
      [since],
    );
    if (rows[0].n >= ids.length) {
      const exact = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "JobRun" WHERE "eventId" = ANY($1) AND status IN ('COMPLETED','FAILED')`,
        [ids],
      );
      if (exact.rows[0].n >= ids.length) break;
    }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const { rows } = await pool.query<{ lat: number; ended: number; status: string }>(
    `SELECT extract(epoch FROM r."endedAt") * 1000 - e.ts AS lat, extract(epoch FROM r."endedAt") * 1000 AS ended, r.status
     FROM "JobRun" r JOIN "JobEvent" e ON e.id = r."eventId" WHERE r."eventId" = ANY($1)`,
    [ids],
  );
  const done = rows.filter((r) => r.status === "COMPLETED");
  const lat = done.map((r) => Number(r.lat)).sort((a, b) => a - b);
  const last = Math.max(...done.map((r) => Number(r.ended)));
  return {
    runs: ids.length,
    completed: done.length,
    runsPerSec: Math.round(done.length / ((last - t0) / 1000)),
    p50: Math.round(pct(lat, 50)),
    p99: Math.round(pct(lat, 99)),
    max: Math.round(lat[lat.length - 1] ?? NaN),
  };
}

type Send = (body: unknown) => Promise<string[]>;
type Data = (i: number) => Record<string, unknown>;

/** Offers `rate` events/s, one per request, for `seconds`; calls `tick` every 5 s. */
export async function offerSteady(
  pool: pg.Pool,
  send: Send,
  name: string,
  data: Data,
  rate: number,
  seconds: number,
  tick?: () => void,
): Promise<RunFigures> {
  const ids: Promise<string[]>[] = [];
  const t0 = Date.now();
  let nextTick = t0 + 5000;
  for (let i = 0; i < rate * seconds; i++) {
    const wait = t0 + (i * 1000) / rate - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (tick && Date.now() >= nextTick) {
      tick();
      nextTick += 5000;
    }
    ids.push(send({ name, data: data(i) }));
  }
  return measureRuns(pool, (await Promise.all(ids)).flat(), t0);
}

/** Sends `n` events in batches of 100, four requests at a time → capacity. */
export async function offerFlood(
  pool: pg.Pool,
  send: Send,
  name: string,
  data: Data,
  n: number,
): Promise<RunFigures> {
  const t0 = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < n; i += 400) {
    const batches = [0, 100, 200, 300]
      .filter((o) => i + o < n)
      .map((o) =>
        Array.from({ length: Math.min(100, n - i - o) }, (_, j) => ({
          name,
          data: data(i + o + j),
        })),
      );
    ids.push(...(await Promise.all(batches.map(send))).flat());
  }
  return measureRuns(pool, ids, t0);
}
