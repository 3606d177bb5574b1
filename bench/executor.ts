// Bench: events → completed 3-step runs through the embedded executor and a real
// SDK app (separate process), on a real PostgreSQL. Prints throughput and
// event-to-completion latency. Usage: node --import tsx bench/executor.ts
//   BENCH_RATE (events/s, default 200)  BENCH_SECONDS (default 10)
//   BENCH_BURST (events sent at once after the steady phase, default 2000)
//   BENCH_CHECKPOINTING (1|0, default both)  DATABASE_URL (else an embedded PostgreSQL)
import { fork } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { startExecutor } from "../inngest/engine/index";
import { freePort } from "../scripts/lib/postgres";
import { openBenchDatabase } from "./lib/bench-database";

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BURST = Number(process.env.BENCH_BURST ?? 2000);
const MODES = process.env.BENCH_CHECKPOINTING
  ? [process.env.BENCH_CHECKPOINTING === "1"]
  : [true, false];
const SIGNING_KEY = `signkey-bench-${"ab".repeat(32)}`;
const EVENT_KEY = "bench";

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const { url, stop: stopPg } = await openBenchDatabase();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("error", () => {}); // idle clients see the server stop at the end
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = fork(path.join(import.meta.dirname, "executor-app.ts"), {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      INNGEST_DEV: "0",
      INNGEST_SIGNING_KEY: SIGNING_KEY,
      INNGEST_EVENT_KEY: EVENT_KEY,
      INNGEST_BASE_URL: base,
      INNGEST_LOG_LEVEL: "error",
    },
  });
  const appPort = await new Promise<number>((resolve) =>
    child.once("message", (m: { port: number }) => resolve(m.port)),
  );
  const appUrl = `http://127.0.0.1:${appPort}/api/inngest`;

  try {
    for (const checkpointing of MODES) {
      const exec = await startExecutor({
        port,
        databaseUrl: url,
        signingKey: SIGNING_KEY,
        eventKey: EVENT_KEY,
        appUrls: [appUrl],
        checkpointing,
        log: () => {},
      });
      await exec.sync();
      const sendOne = async (n: number) => {
        const res = await fetch(`${base}/e/${EVENT_KEY}`, {
          method: "POST",
          body: JSON.stringify({ name: "bench/go", data: { n } }),
        });
        if (!res.ok) throw new Error(`send failed: ${res.status}`);
        return ((await res.json()) as { ids: string[] }).ids[0];
      };
      const measure = async (label: string, ids: string[], t0: number) => {
        const deadline = Date.now() + 180_000;
        for (;;) {
          const { rows } = await pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "JobRun" WHERE "eventId" = ANY($1) AND status = 'COMPLETED'`,
            [ids],
          );
          if (rows[0].n >= ids.length || Date.now() > deadline) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        const { rows } = await pool.query<{ lat: number; ended: number; status: string }>(
          `SELECT extract(epoch FROM r."endedAt") * 1000 - e.ts AS lat, extract(epoch FROM r."endedAt") * 1000 AS ended, r.status
           FROM "JobRun" r JOIN "JobEvent" e ON e.id = r."eventId" WHERE r."eventId" = ANY($1)`,
          [ids],
        );
        const done = rows.filter((r) => r.status === "COMPLETED");
        const lat = done.map((r) => Number(r.lat)).sort((a, b) => a - b);
        const last = Math.max(...done.map((r) => Number(r.ended)));
        const secs = (last - t0) / 1000;
        console.log(
          `${label.padEnd(44)} runs ${done.length}/${ids.length}  ${(done.length / secs).toFixed(0)} runs/s  ` +
            `p50 ${pct(lat, 50).toFixed(0)} ms  p99 ${pct(lat, 99).toFixed(0)} ms  max ${lat[lat.length - 1].toFixed(0)} ms`,
        );
      };

      // Steady: RATE events/s, one HTTP request each, for SECONDS.
      const ids: Promise<string>[] = [];
      const t0 = Date.now();
      const total = RATE * SECONDS;
      for (let i = 0; i < total; i++) {
        const due = t0 + (i * 1000) / RATE;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        ids.push(sendOne(i));
      }
      await measure(
        `steady ${RATE}/s × ${SECONDS}s (checkpointing ${checkpointing ? "on" : "off"})`,
        await Promise.all(ids),
        t0,
      );

      if (BURST > 0) {
        // Burst: BURST events in batches of 100 per request, as fast as accepted → capacity.
        const t1 = Date.now();
        const burstIds: string[] = [];
        for (let i = 0; i < BURST; i += 100) {
          const batch = Array.from({ length: Math.min(100, BURST - i) }, (_, j) => ({
            name: "bench/go",
            data: { n: i + j },
          }));
          const res = await fetch(`${base}/e/${EVENT_KEY}`, {
            method: "POST",
            body: JSON.stringify(batch),
          });
          burstIds.push(...((await res.json()) as { ids: string[] }).ids);
        }
        await measure(
          `burst ${BURST} (checkpointing ${checkpointing ? "on" : "off"})`,
          burstIds,
          t1,
        );
      }
      await exec.stop();
    }
  } finally {
    child.kill();
    await pool.end();
    await stopPg();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
