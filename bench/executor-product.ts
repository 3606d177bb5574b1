// Bench: the embedded executor driving the product's own production build — a running
// `npm start` (Next.js production server, the real /api/inngest serve handler, the embedded
// executor and PostgreSQL on their default ports). Two of the console's own functions run:
// `system-ping` ("Send test event": three steps, one of which reads the database) and
// `system-heartbeat` (one step, no database).
//   1. latency: three-step runs offered at BENCH_RATE/s (default 100) for BENCH_SECONDS (default
//      10), one event per HTTP request → p50/p99 event→completion;
//   2. sustained throughput: BENCH_RUNS (default 2000) three-step runs, then as many one-step
//      runs, sent in batches of 100 → runs/s of each;
//   3. soak (three-step) (BENCH_SOAK_SECONDS, default 0; 600 for the 10-minute check) at BENCH_SOAK_RATE/s
//      (default 50) with RSS of the Next.js server and of the process running the executor,
//      sampled every 5 s.
// Each phase also reports the CPU milliseconds the Next.js server and the executor's process spent
// per run (`cpuMsPerRun`): unlike runs/s, it hardly moves with the load other work puts on the box.
// Start the product first (`npm start`); the bench finds the event key in .data/secrets.json,
// the database on port 54329 (or DATABASE_URL) and the processes by their ports. The Next.js
// figures (CPU, RSS) add up the server process and its children: with APP_WORKERS > 1 it is a
// cluster's primary and its workers. BENCH_PROFILE=e2e benches a product started on the e2e
// profile's ports instead (`node --import tsx scripts/dev.ts --prod --profile e2e`). Prints the
// load average; the last line is `BENCH {json}`.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { profiles } from "../scripts/lib/profiles";
import {
  cpuMs,
  eventSender,
  load,
  offerFlood,
  offerSteady,
  rssMb,
  withChildren,
  type RunFigures,
} from "./lib/run-latency";

const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 2000);
const SOAK = Number(process.env.BENCH_SOAK_SECONDS ?? 0);
const SOAK_RATE = Number(process.env.BENCH_SOAK_RATE ?? 50);

type Proc = "next" | "executor" | "functions";

/** The pid listening on a local TCP port (ss -ltnp). */
function pidOnPort(port: number, optional = false): number {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const m = /pid=(\d+)/.exec(out);
  if (!m && optional) return 0;
  if (!m) throw new Error(`nothing listens on port ${port}: start the product with npm start`);
  return Number(m[1]);
}

async function main() {
  const loadStart = load();
  const profile = profiles[(process.env.BENCH_PROFILE ?? "dev") as keyof typeof profiles];
  if (!profile) throw new Error(`BENCH_PROFILE must be one of ${Object.keys(profiles).join(", ")}`);
  const { ports } = profile;
  const root = path.join(import.meta.dirname, "..");
  const secretsFile = path.join(root, profile.dataDir, "secrets.json");
  const secrets = JSON.parse(readFileSync(secretsFile, "utf8")) as {
    inngestEventKey: string;
  };
  const url =
    process.env.DATABASE_URL ??
    `postgresql://postgres:orgbridge@127.0.0.1:${ports.postgres}/orgbridge`;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const pids = {
    next: pidOnPort(ports.app),
    executor: pidOnPort(ports.executor),
    // The functions worker (scripts/functions-worker.ts); 0 when ORGBRIDGE_FUNCTIONS_WORKER=off.
    functions: pidOnPort(ports.functions, true),
  };
  const sum = (f: (pid: number) => number) => withChildren(pids.next).reduce((a, p) => a + f(p), 0);
  const of = (f: (pid: number) => number, pid: number) => (pid ? f(pid) : 0);
  // The executor runs in the run command's own process, whose children are the rest of the stack.
  const cpu = {
    next: () => sum(cpuMs),
    executor: () => cpuMs(pids.executor),
    functions: () => of(cpuMs, pids.functions),
  };
  const rss = {
    next: () => sum(rssMb),
    executor: () => rssMb(pids.executor),
    functions: () => of(rssMb, pids.functions),
  };
  const post = eventSender(`http://127.0.0.1:${ports.executor}`, secrets.inngestEventKey);
  const data = (i: number) => ({ requestedBy: "bench", note: `bench ${i}` });
  const ping = "system/ping.requested";
  const heartbeat = "system/heartbeat.requested";
  const out: Record<string, unknown> = {};
  /** Runs a phase and adds the CPU each process spent on it, per run. */
  const phase = async (run: () => Promise<RunFigures>) => {
    const before = { next: cpu.next(), executor: cpu.executor(), functions: cpu.functions() };
    const figures = await run();
    const per = (k: Proc) => Math.round(((cpu[k]() - before[k]) / figures.runs) * 100) / 100;
    const cpuMsPerRun = {
      next: per("next"),
      executor: per("executor"),
      functions: per("functions"),
    };
    return { ...figures, cpuMsPerRun };
  };
  try {
    await offerFlood(pool, post, ping, data, 200); // warm-up
    await offerFlood(pool, post, heartbeat, data, 200);
    const latency = await phase(() => offerSteady(pool, post, ping, data, RATE, SECONDS));
    console.log(`3-step system-ping at ${RATE}/s × ${SECONDS}s`, latency);
    const sustained = await phase(() => offerFlood(pool, post, ping, data, RUNS));
    console.log(`3-step system-ping sustained`, sustained);
    const oneStep = await phase(() => offerFlood(pool, post, heartbeat, data, RUNS));
    console.log(`1-step system-heartbeat sustained`, oneStep);
    Object.assign(out, { latency, sustained, oneStep });
    if (SOAK > 0) {
      const samples: Record<Proc, number>[] = [];
      const sample = () =>
        samples.push({ next: rss.next(), executor: rss.executor(), functions: rss.functions() });
      sample();
      const soak: RunFigures = await offerSteady(pool, post, ping, data, SOAK_RATE, SOAK, sample);
      sample();
      const series = (k: Proc) => ({
        first: samples[1]?.[k] ?? samples[0][k],
        last: samples[samples.length - 1][k],
        max: Math.max(...samples.map((s) => s[k])),
        samples: samples.map((s) => s[k]),
      });
      out.soak = {
        seconds: SOAK,
        rate: SOAK_RATE,
        ...soak,
        rssMb: {
          next: series("next"),
          executor: series("executor"),
          functions: series("functions"),
        },
      };
      console.log(`soak`, JSON.stringify(out.soak));
    }
    out.rssMb = {
      next: rss.next(),
      executor: rss.executor(),
      functions: rss.functions(),
      nextProcesses: withChildren(pids.next).length,
    };
  } finally {
    await pool.end();
  }
  console.log(`load average at start: ${loadStart}; at end: ${load()} (2 shared cores)`);
  console.log(
    `BENCH ${JSON.stringify({ bench: "executor-product", ...out, loadStart, loadEnd: load() })}`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
