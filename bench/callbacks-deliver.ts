// Bench: data callbacks end to end on a real PostgreSQL, to a local receiver that verifies every
// request with the standardwebhooks library. Two paths:
//   executor — emitEvent (store + fan-out) → Inngest events → embedded executor → the real
//              callback-deliver function (child process, inngest/node) → signed POST;
//   direct   — the same runDelivery loop (attemptDelivery: DB read, sign, safeFetch, record)
//              driven in-process by BENCH_WORKERS workers, i.e. the engine without the executor.
// Each path: a steady phase (deliveries/s, p50/p99 event-to-delivery latency = emit call → first
// 2xx at the receiver) and a phase where 30 % of the receiver's answers are 500s (lost = never
// answered 2xx once retries are exhausted; target 0).
// Usage: node --import tsx bench/callbacks-deliver.ts
//   BENCH_PATH (executor|direct|both, default both)  BENCH_RATE (events/s, default 125)
//   BENCH_SECONDS (default 10)  BENCH_ENDPOINTS (subscribers per event, default 4)
//   BENCH_FAIL_EVENTS (default 500)  BENCH_WORKERS (direct path, default 32)  DATABASE_URL (else embedded)
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import path from "node:path";
import { startExecutor } from "../inngest/engine/index";
import { freePort } from "../scripts/lib/postgres";
import {
  startCallbackReceiver,
  type ReceiverReply,
} from "../lib/sandbox/callback-receiver/start-callback-receiver";
import { openBenchDatabase } from "./lib/bench-database";

const PATHS =
  (process.env.BENCH_PATH ?? "both") === "both"
    ? ["direct", "executor"]
    : [process.env.BENCH_PATH!];
const RATE = Number(process.env.BENCH_RATE ?? 125);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 4);
const FAIL_EVENTS = Number(process.env.BENCH_FAIL_EVENTS ?? 500);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 32);
const SIGNING_KEY = `signkey-bench-${"cd".repeat(32)}`;
const EVENT_KEY = "bench";
const admin = { type: "system" as const, id: "bench" };

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const { url, stop: stopPg } = await openBenchDatabase();
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: "20",
    ORGBRIDGE_SECRET_KEY: process.env.ORGBRIDGE_SECRET_KEY ?? randomBytes(32).toString("base64"),
    ORGBRIDGE_CALLBACK_TIME_SCALE: "0.01", // retries in the failing phase: 50 ms, 300 ms, 1.2 s …
    INNGEST_DEV: "0",
    INNGEST_SIGNING_KEY: SIGNING_KEY,
    INNGEST_EVENT_KEY: EVENT_KEY,
    INNGEST_BASE_URL: `http://127.0.0.1:${port}`,
    INNGEST_LOG_LEVEL: "error",
  };
  Object.assign(process.env, env);

  const { db } = await import("../lib/core/db");
  const { setCallbackNetworkPolicy } = await import("../lib/callbacks/commands/allow-list");
  const { createEndpoint } = await import("../lib/callbacks/commands/endpoints");
  const { emitEvent } = await import("../lib/callbacks/commands/emit-event");
  const { setDeliveryDispatcher } = await import("../lib/callbacks/engine/dispatch-deliveries");
  const { runDelivery } = await import("../lib/callbacks/engine/run-delivery");
  await setCallbackNetworkPolicy({ allowList: ["127.0.0.1"], allowHttp: true }, { actor: admin });

  let failRate = 0;
  const emittedAt = new Map<string, number>();
  const latencies: number[] = [];
  const delivered = new Set<string>();
  let lastDelivery = 0;
  const receiver = await startCallbackReceiver({
    keep: 1000,
    reply: (call): ReceiverReply => {
      if (call.verifiedWith === null) return { status: 401 };
      if (Math.random() < failRate) return { status: 500 };
      const key = `${call.webhookId}|${call.headers["x-endpoint"]}`;
      if (!delivered.has(key)) {
        delivered.add(key);
        const t = emittedAt.get(call.webhookId);
        if (t) latencies.push(Date.now() - t);
        lastDelivery = Date.now();
      }
      return { status: 204 };
    },
  });
  const secrets: string[] = [];
  for (let i = 0; i < ENDPOINTS; i++) {
    const { secret } = await createEndpoint(
      {
        name: `bench-${i}`,
        url: receiver.url,
        eventTypes: ["learning.course.completed"],
        headers: { "x-endpoint": String(i) },
        maxRetries: 10,
      },
      { actor: admin },
    );
    secrets.push(secret);
  }
  receiver.setSecrets(secrets);

  let intakeRetries = 0;
  const emit = async (id: string) => {
    emittedAt.set(id, Date.now());
    const data = { employeeNo: "E1001", courseId: "C-1", completedAt: new Date().toISOString() };
    // A failed intake is what an API caller would retry with the same id; do that.
    for (let tries = 0; ; tries++) {
      try {
        return await emitEvent({ id, type: "learning.course.completed", data, source: "bench" });
      } catch (error) {
        if (intakeRetries++ === 0)
          console.error(
            `  first intake error: ${(error as Error).message.split("\n").slice(-2).join(" ")}`,
          );
        if (tries >= 5) throw error;
      }
    }
  };
  const waitAll = async (expected: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    let report = Date.now() + 15_000;
    while (delivered.size < expected && Date.now() < deadline) {
      await sleep(100);
      if (Date.now() > report) {
        report += 15_000;
        console.error(`  … ${delivered.size}/${expected} delivered; load ${load()}`);
      }
    }
  };
  const reset = () => {
    delivered.clear();
    latencies.length = 0;
    intakeRetries = 0;
  };

  async function phases(label: string) {
    await Promise.all(Array.from({ length: 10 }, (_, i) => emit(`${label}-warm_${i}`))); // load modules, open pools
    await waitAll(10 * ENDPOINTS, 120_000);
    reset();
    failRate = 0;
    const total = RATE * SECONDS;
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < total; i++) {
      const wait = t0 + (i * 1000) / RATE - Date.now();
      if (wait > 0) await sleep(wait);
      pending.push(emit(`${label}-steady_${i}`));
    }
    await Promise.all(pending);
    const emitSecs = (Date.now() - t0) / 1000;
    await waitAll(total * ENDPOINTS, 600_000);
    const lat = [...latencies].sort((a, b) => a - b);
    const secs = (lastDelivery - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuPerDelivery = (cpu.user + cpu.system) / 1000 / Math.max(1, delivered.size);
    console.log(
      `${label.padEnd(8)} steady ${RATE} ev/s × ${ENDPOINTS} endpoints × ${SECONDS}s: delivered ${delivered.size}/${total * ENDPOINTS} in ${secs.toFixed(1)} s ` +
        `(emits took ${emitSecs.toFixed(1)} s) → ${(delivered.size / secs).toFixed(0)} deliveries/s  p50 ${pct(lat, 50)} ms  p99 ${pct(lat, 99)} ms  ` +
        `max ${lat.at(-1)} ms  intake retries ${intakeRetries}  bench-process CPU ${cpuPerDelivery.toFixed(2)} ms/delivery  load ${load()}`,
    );

    reset();
    failRate = 0.3;
    const t1 = Date.now();
    for (let i = 0; i < FAIL_EVENTS; i += 50)
      await Promise.all(
        Array.from({ length: Math.min(50, FAIL_EVENTS - i) }, (_, j) =>
          emit(`${label}-flaky_${i + j}`),
        ),
      );
    await waitAll(FAIL_EVENTS * ENDPOINTS, 600_000);
    await sleep(2000); // let the last attempts be recorded
    const statuses = await db.callbackDelivery.groupBy({
      by: ["status"],
      where: { eventId: { startsWith: `${label}-flaky_` } },
      _count: true,
    });
    const attempts = await db.callbackAttempt.count({
      where: { delivery: { eventId: { startsWith: `${label}-flaky_` } } },
    });
    console.log(
      `${label.padEnd(8)} 30 % failing: ${FAIL_EVENTS} ev × ${ENDPOINTS} endpoints: delivered ${delivered.size}, lost ${FAIL_EVENTS * ENDPOINTS - delivered.size}, ` +
        `attempts ${attempts} (${(attempts / (FAIL_EVENTS * ENDPOINTS)).toFixed(2)}/delivery) in ${((lastDelivery - t1) / 1000).toFixed(1)} s; ` +
        `statuses ${statuses.map((s) => `${s.status}=${s._count}`).join(" ")}  load ${load()}`,
    );
  }

  let child: ChildProcess | undefined;
  process.on("exit", () => child?.kill());
  try {
    for (const which of PATHS) {
      if (which === "direct") {
        // In-process workers run the same loop the Inngest function runs, with real sleeps.
        const queue: Parameters<typeof runDelivery>[0][] = [];
        let stop = false;
        const steps = {
          run: <T>(_id: string, fn: () => Promise<T>) => fn(),
          sleepUntil: (_id: string, at: Date) => sleep(Math.max(0, at.getTime() - Date.now())),
          sleep: (_id: string, ms: number) => sleep(ms),
        };
        const workers = Array.from({ length: WORKERS }, async () => {
          while (!stop) {
            const ticket = queue.shift();
            if (ticket)
              await runDelivery(ticket, steps).catch((e) =>
                console.error("delivery run failed", e),
              );
            else await sleep(5);
          }
        });
        setDeliveryDispatcher(async (tickets) => void queue.push(...tickets));
        await phases("direct");
        stop = true;
        await Promise.all(workers);
        setDeliveryDispatcher(null);
      } else {
        child = fork(path.join(import.meta.dirname, "callbacks-deliver-app.ts"), {
          execArgv: ["--import", "tsx"],
          env,
        });
        const appPort = await new Promise<number>((resolve) =>
          child!.once("message", (m: { port: number }) => resolve(m.port)),
        );
        const exec = await startExecutor({
          port,
          databaseUrl: url,
          signingKey: SIGNING_KEY,
          eventKey: EVENT_KEY,
          appUrls: [`http://127.0.0.1:${appPort}/api/inngest`],
          log: () => {},
        });
        await exec.sync();
        try {
          await phases("executor");
        } finally {
          await exec.stop();
          child.kill();
        }
      }
    }
  } finally {
    await receiver.close();
    await db.$disconnect();
    await stopPg();
  }
}

process.on("SIGTERM", () => process.exit(143));
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
