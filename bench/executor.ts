// Bench: the embedded executor with a real SDK app in another process
// (bench/executor-app.ts, inngest/node serve handler), on a real PostgreSQL.
//   1. latency: 3-step runs offered at BENCH_RATE/s (default 100) for BENCH_SECONDS
//      (default 10), one event per HTTP request → p50/p99 event→completion;
//   2. sustained throughput: BENCH_RUNS (default 3000) one-step runs, then three-step
//      runs, sent in batches of 100 as fast as accepted → completed runs/s;
//   3. soak (BENCH_SOAK_SECONDS, default 0; 600 for the 10-minute check): 3-step runs at
//      BENCH_RATE/s with RSS of both processes sampled every 5 s.
// BENCH_CHECKPOINTING=1|0|both (default 1), BENCH_CPU_PROF=1 profiles both processes
// (into .data/prof). Prints the load average; the last line is `BENCH {json}`.
import { fork } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { startExecutor } from "../inngest/engine/index";
import { freePort } from "../scripts/lib/postgres";
import { openBenchDatabase } from "./lib/bench-database";
import { eventSender, load, offerFlood, offerSteady, rssMb } from "./lib/run-latency";

const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3000);
const SOAK = Number(process.env.BENCH_SOAK_SECONDS ?? 0);
const CP = process.env.BENCH_CHECKPOINTING ?? "1";
const MODES = CP === "both" ? [true, false] : [CP !== "0"];
const PROF = process.env.BENCH_CPU_PROF === "1";
const SIGNING_KEY = `signkey-bench-${"ab".repeat(32)}`;
const EVENT_KEY = "bench";

async function main() {
  const loadStart = load();
  const { url, stop: stopPg } = await openBenchDatabase();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("error", () => {}); // idle clients see the server stop at the end
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const profDir = path.join(import.meta.dirname, "..", ".data", "prof");
  const child = fork(path.join(import.meta.dirname, "executor-app.ts"), {
    execArgv: ["--import", "tsx", ...(PROF ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [])],
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
  const results: Record<string, unknown> = {};

  const post = eventSender(base, EVENT_KEY);
  const n = (i: number) => ({ n: i });
  const steady = (name: string, rate: number, seconds: number, tick?: () => void) =>
    offerSteady(pool, post, name, n, rate, seconds, tick);
  const flood = (name: string, count: number) => offerFlood(pool, post, name, n, count);

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
      const label = checkpointing ? "cp" : "nocp";
      await flood("bench/three", 200); // warm-up: JIT, connections
      const latency = await steady("bench/three", RATE, SECONDS);
      console.log(`[${label}] 3-step at ${RATE}/s × ${SECONDS}s`, latency);
      const one = await flood("bench/one", RUNS);
      console.log(`[${label}] one-step sustained`, one);
      const three = await flood("bench/three", RUNS);
      console.log(`[${label}] three-step sustained`, three);
      const out: Record<string, unknown> = { latency, oneStep: one, threeStep: three };
      if (SOAK > 0) {
        const samples: { t: number; exec: number; app: number }[] = [];
        const sample = () =>
          samples.push({ t: samples.length * 5, exec: rssMb(process.pid), app: rssMb(child.pid!) });
        sample();
        const soak = await steady("bench/three", RATE, SOAK, sample);
        sample();
        const rss = (k: "exec" | "app") => ({
          first: samples[1]?.[k] ?? samples[0][k],
          last: samples[samples.length - 1][k],
          max: Math.max(...samples.map((s) => s[k])),
        });
        out.soak = { seconds: SOAK, ...soak, rssMb: { executor: rss("exec"), app: rss("app") } };
        console.log(`[${label}] soak`, JSON.stringify(out.soak));
      }
      out.rssMb = { executor: rssMb(process.pid), app: rssMb(child.pid!) };
      results[label] = out;
      await exec.stop();
    }
  } finally {
    child.send("exit");
    await new Promise((r) => child.once("exit", r).once("error", r));
    await pool.end();
    await stopPg();
  }
  console.log(`load average at start: ${loadStart}; at end: ${load()} (2 shared cores)`);
  console.log(`BENCH ${JSON.stringify({ ...results, loadStart, loadEnd: load() })}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
