// Bench: data callbacks end to end on the production build. The public API (`POST
// /api/v1/events` from 16 concurrent clients, and `POST /api/v1/events/batch`) of `next start`
// → PostgreSQL → the delivery worker process(es) (scripts/callback-worker.ts) → local receivers
// that verify every request with the standardwebhooks library.
// Phases: delivery rate to 1 endpoint and to 20 endpoints (a batch-loaded backlog), intake
// (single and batched), emit→2xx latency at a steady 200 events/s, 30 % of answers failing,
// a receiver outage, the rate limit with two worker instances, and a soak; RSS of Next and the
// worker sampled throughout. Last line: `BENCH {json}`.
// Needs a production build (`npm run build`); measure on a quiet machine (load average < 3).
// Usage: node --import tsx bench/callbacks-deliver.ts
//   BENCH_EVENTS (backlog per rate phase, default 10000)  BENCH_LATENCY_SECONDS (default 20)
//   BENCH_INTAKE_SECONDS (default 10)  BENCH_FAIL_EVENTS (default 2000)
//   BENCH_OUTAGE_SECONDS (default 10; the issue's figure is 60)  BENCH_RATE_LIMIT (default 50)
//   BENCH_SOAK_SECONDS (default 60; the issue's figure is 600)  BENCH_CPU_PROF=1 (profiles in .data/prof)
//   BENCH_PACED_BATCH (events per request in the steady 200/s phases, default 10; 1 = single POSTs)
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "../scripts/lib/postgres";
import {
  startCallbackReceiver,
  type CallbackReceiver,
  type ReceiverReply,
} from "../lib/sandbox/callback-receiver/start-callback-receiver";
import { openBenchDatabase } from "./lib/bench-database";
import {
  Ledger,
  load,
  pct,
  say,
  sleep,
  start as startIn,
  stopChild,
  treeRssMb,
} from "./lib/callbacks-bench-kit";

const start = (name: string, args: string[], env: NodeJS.ProcessEnv) =>
  startIn(name, args, env, root);

const root = path.resolve(import.meta.dirname, "..");
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const EVENTS = num("BENCH_EVENTS", 10_000);
const LATENCY_SECONDS = num("BENCH_LATENCY_SECONDS", 20);
const INTAKE_SECONDS = num("BENCH_INTAKE_SECONDS", 10);
const FAIL_EVENTS = num("BENCH_FAIL_EVENTS", 2_000);
const OUTAGE_SECONDS = num("BENCH_OUTAGE_SECONDS", 10);
const RATE_LIMIT = num("BENCH_RATE_LIMIT", 50);
const SOAK_SECONDS = num("BENCH_SOAK_SECONDS", 60);
const CPU_PROF = process.env.BENCH_CPU_PROF === "1";
const TYPE = "learning.course.completed";
const ctx = { actor: { type: "system" as const, id: "bench" } };

async function main() {
  if (!existsSync(path.join(root, ".next/BUILD_ID")))
    throw new Error("no production build: run `npm run build` first (on a quiet machine)");
  say(`load average ${load()}`);
  const { url, stop: stopPg } = await openBenchDatabase();
  const appPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: "10",
    ORGBRIDGE_SECRET_KEY: process.env.ORGBRIDGE_SECRET_KEY ?? randomBytes(32).toString("base64"),
    NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    OIDC_ISSUER: "http://127.0.0.1:9/",
    OIDC_CLIENT_ID: "bench",
    OIDC_CLIENT_SECRET: "bench",
    // Retries of the failing and outage phases: 5 s → 50 ms, 30 s → 300 ms, 5 min → 3 s …
    ORGBRIDGE_CALLBACK_TIME_SCALE: "0.01",
    ORGBRIDGE_CALLBACK_WORKER: "process",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env);
  const { db } = await import("../lib/core/db");
  const { setCallbackNetworkPolicy } = await import("../lib/callbacks/commands/allow-list");
  const endpoints = await import("../lib/callbacks/commands/endpoints");
  const { createToken } = await import("../lib/tokens/commands/create-token");
  await setCallbackNetworkPolicy({ allowList: ["127.0.0.1"], allowHttp: true }, ctx);
  const { token } = await createToken(
    { name: "bench", scopes: ["events:write"], expiresInDays: null },
    ctx,
  );

  const prof = CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.join(root, ".data/prof")}`] : [];
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  const next = start(
    "next",
    [...prof, nextBin, "start", "-p", String(appPort), "-H", "127.0.0.1"],
    env,
  );
  const workerArgs = [...prof, "--import", "tsx", "scripts/callback-worker.ts"];
  const worker = start("worker-1", workerArgs, env);
  const base = `http://127.0.0.1:${appPort}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) break;
    if (i > 240) throw new Error("next start did not answer within 2 minutes");
    await sleep(500);
  }
  say("next start and the worker are up");

  const rss: { t: number; next: number; worker: number }[] = [];
  const sampler = setInterval(() => {
    rss.push({ t: Date.now(), next: treeRssMb(next.pid!), worker: treeRssMb(worker.pid!) });
  }, 1_000);

  // --- receivers and endpoints -------------------------------------------------------------
  const ledger = new Ledger();
  let failRate = 0;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let measureLatency = false;
  const arrivals: number[] = [];
  let recordArrivals = false;
  const receivers: CallbackReceiver[] = [];
  async function receiver(index: number, port = 0): Promise<CallbackReceiver> {
    const r = await startCallbackReceiver({
      port,
      keep: 1,
      reply: (call): ReceiverReply => {
        ledger.requests++;
        if (call.verifiedWith === null) {
          ledger.unverified++;
          return { status: 401 };
        }
        if (recordArrivals) arrivals.push(performance.now());
        if (failRate > 0 && Math.random() < failRate) return { status: 500 };
        const key = `${index}|${call.webhookId}`;
        if (measureLatency && !ledger.acked.has(key)) {
          const t = sentAt.get(call.webhookId);
          if (t !== undefined) latencies.push(Date.now() - t);
        }
        ledger.record(key);
        return { status: 204 };
      },
    });
    receivers.push(r);
    return r;
  }
  const endpointSecrets = new Map<string, string>();
  async function endpoint(index: number, r: CallbackReceiver, extra: Record<string, unknown> = {}) {
    const { endpoint: e, secret } = await endpoints.createEndpoint(
      { name: `bench-${index}`, url: r.url, eventTypes: [TYPE], maxRetries: 10, ...extra },
      ctx,
    );
    r.setSecrets([secret]);
    endpointSecrets.set(e.id, secret);
    return e.id;
  }
  const disable = (ids: string[]) =>
    Promise.all(ids.map((id) => endpoints.setEndpointEnabled({ id, enabled: false }, ctx)));

  // --- intake clients ----------------------------------------------------------------------
  let seq = 0;
  const newId = (phase: string) =>
    `evt_${phase}_${(seq++).toString(36)}_${randomBytes(3).toString("hex")}`;
  const event = (id: string) => ({
    id,
    type: TYPE,
    data: { employeeNo: "E1001", courseId: "C-1", completedAt: new Date().toISOString() },
  });
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  let intakeErrors = 0;
  async function postOne(id: string): Promise<boolean> {
    for (let tries = 0; tries < 5; tries++) {
      sentAt.set(id, Date.now());
      const res = await fetch(`${base}/api/v1/events`, {
        method: "POST",
        headers,
        body: JSON.stringify(event(id)),
      }).catch(() => null);
      await res?.arrayBuffer();
      if (res && res.status < 300) return true;
      intakeErrors++;
    }
    return false;
  }
  async function postBatch(ids: string[]): Promise<boolean> {
    for (let tries = 0; tries < 5; tries++) {
      const now = Date.now();
      for (const id of ids) sentAt.set(id, now);
      const res = await fetch(`${base}/api/v1/events/batch`, {
        method: "POST",
        headers,
        body: JSON.stringify({ events: ids.map(event) }),
      }).catch(() => null);
      const body = (await res?.json().catch(() => null)) as {
        results?: { status: string }[];
      } | null;
      if (res?.status === 200 && body?.results?.every((r) => r.status !== "error")) return true;
      intakeErrors++;
    }
    return false;
  }
  /** Loads `count` events through the batch endpoint with 4 concurrent clients. */
  async function loadBacklog(phase: string, count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => newId(phase));
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let c = chunks.shift(); c; c = chunks.shift()) await postBatch(c);
      }),
    );
    return ids;
  }
  async function waitAcked(keys: string[], timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const missing = ledger.lost(keys);
      if (missing === 0 || Date.now() > deadline) return missing;
      await sleep(200);
    }
  }
  async function waitSettled(endpointIds: string[], timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const open = await db.callbackDelivery.count({
        where: { endpointId: { in: endpointIds }, status: { in: ["PENDING", "RETRYING"] } },
      });
      if (open === 0) return;
      await sleep(500);
    }
  }
  const keysFor = (index: number, ids: string[]) => ids.map((id) => `${index}|${id}`);
  const result: Record<string, unknown> = { loadBefore: load() };

  // --- 0. one client, idle: what a single POST costs ----------------------------------------
  {
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await postOne(newId("probe"));
      times.push(performance.now() - t);
    }
    result.singlePostIdleMs = { p50: Math.round(pct(times, 50)), p90: Math.round(pct(times, 90)) };
    say(`one POST, idle: ${JSON.stringify(result.singlePostIdleMs)}`);
  }

  // --- 1. delivery rate to one endpoint (batch-loaded backlog) -----------------------------
  {
    const r = await receiver(0);
    const id = await endpoint(0, r);
    const t0 = Date.now();
    const ids = await loadBacklog("one", EVENTS);
    const loadedMs = Date.now() - t0;
    const missing = await waitAcked(keysFor(0, ids), 300_000);
    const times = ids.map((x) => ledger.acked.get(`0|${x}`)?.at ?? NaN).filter(Number.isFinite);
    const rate = times.length / ((Math.max(...times) - t0) / 1000);
    result.oneEndpoint = {
      events: EVENTS,
      deliveriesPerSecond: Math.round(rate),
      batchIntakePerSecond: Math.round(EVENTS / (loadedMs / 1000)),
      lost: missing,
      duplicated: ledger.duplicated(keysFor(0, ids)),
    };
    say(`1 endpoint: ${JSON.stringify(result.oneEndpoint)}  load ${load()}`);
    await disable([id]);
  }

  // --- 2. delivery rate to 20 endpoints ----------------------------------------------------
  const twenty: string[] = [];
  {
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => receiver(100 + i)));
    for (const [i, r] of rs.entries()) twenty.push(await endpoint(100 + i, r));
    const t0 = Date.now();
    const ids = await loadBacklog("twenty", Math.round(EVENTS / 20));
    const keys = rs.flatMap((_, i) => keysFor(100 + i, ids));
    const missing = await waitAcked(keys, 300_000);
    const times = keys.map((k) => ledger.acked.get(k)?.at ?? NaN).filter(Number.isFinite);
    result.twentyEndpoints = {
      deliveries: keys.length,
      deliveriesPerSecond: Math.round(times.length / ((Math.max(...times) - t0) / 1000)),
      lost: missing,
      duplicated: ledger.duplicated(keys),
    };
    say(`20 endpoints: ${JSON.stringify(result.twentyEndpoints)}  load ${load()}`);
  }

  // --- 3. intake: single events from 16 clients, then batches from 4 -----------------------
  {
    let n = 0;
    const until = Date.now() + INTAKE_SECONDS * 1000;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (Date.now() < until) if (await postOne(newId("intake"))) n++;
      }),
    );
    const single = n / ((Date.now() - t0) / 1000);
    const tb = Date.now();
    await loadBacklog("intakeb", Math.round(EVENTS / 20) * 4);
    const batched = (Math.round(EVENTS / 20) * 4) / ((Date.now() - tb) / 1000);
    result.intake = {
      singlePerSecond16Clients: Math.round(single),
      batchedPerSecond: Math.round(batched),
      fanOut: 20,
      errors: intakeErrors,
    };
    say(`intake: ${JSON.stringify(result.intake)}  load ${load()}`);
    await waitSettled(twenty, 300_000);
    await disable(twenty);
  }

  // --- 4. emit→2xx latency at a steady 200 events/s ---------------------------------------
  // Events at a steady rate: one request every 1000/perSecond × `per` ms carrying `per` events
  // (per = 1: single POSTs; more: the batch endpoint, when single intake cannot keep the rate).
  const PER_REQUEST = num("BENCH_PACED_BATCH", 10);
  const paced = async (phase: string, perSecond: number, seconds: number, index: number) => {
    const ids: string[] = [];
    const t0 = performance.now();
    const requests = Math.ceil((perSecond * seconds) / PER_REQUEST);
    const inflight = new Set<Promise<unknown>>();
    for (let i = 0; i < requests; i++) {
      const due = t0 + (i * 1000 * PER_REQUEST) / perSecond;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const chunk = Array.from({ length: PER_REQUEST }, () => newId(phase));
      ids.push(...chunk);
      const p = (PER_REQUEST === 1 ? postOne(chunk[0]) : postBatch(chunk)).finally(() =>
        inflight.delete(p),
      );
      inflight.add(p);
      if (inflight.size >= 64) await Promise.race(inflight);
    }
    await Promise.all(inflight);
    return keysFor(index, ids);
  };
  {
    const r = await receiver(200);
    const id = await endpoint(200, r);
    measureLatency = true;
    const keys = await paced("lat", 200, LATENCY_SECONDS, 200);
    const missing = await waitAcked(keys, 120_000);
    measureLatency = false;
    result.latency200 = {
      events: keys.length,
      p50Ms: pct(latencies, 50),
      p90Ms: pct(latencies, 90),
      p99Ms: pct(latencies, 99),
      maxMs: pct(latencies, 100),
      lost: missing,
      duplicated: ledger.duplicated(keys),
    };
    say(`latency at 200/s: ${JSON.stringify(result.latency200)}  load ${load()}`);
    await disable([id]);
  }

  // --- 5. 30 % of answers failing ---------------------------------------------------------
  {
    const r = await receiver(300);
    const id = await endpoint(300, r);
    failRate = 0.3;
    const ids = await loadBacklog("fail", FAIL_EVENTS);
    await waitSettled([id], 300_000);
    failRate = 0;
    const keys = keysFor(300, ids);
    result.failing30 = {
      events: FAIL_EVENTS,
      lost: ledger.lost(keys),
      duplicated: ledger.duplicated(keys),
      dead: await db.callbackDelivery.count({ where: { endpointId: id, status: "DEAD" } }),
    };
    say(`30 % failing: ${JSON.stringify(result.failing30)}  load ${load()}`);
    await disable([id]);
  }

  // --- 6. receiver outage ------------------------------------------------------------------
  {
    const first = await receiver(400);
    // The long schedule (5 s, 5 min, 30 min, 2 h … scaled by 0.01) outlasts the outage.
    const id = await endpoint(400, first, { retrySchedule: "long", maxRetries: 7 });
    const secret = endpointSecrets.get(id)!;
    const port = first.port;
    await first.close();
    say(`receiver down for ${OUTAGE_SECONDS} s, events at 50/s`);
    const keys = await paced("outage", 50, OUTAGE_SECONDS, 400);
    const back = await receiver(400, port);
    back.setSecrets([secret]);
    const missing = await waitAcked(keys, OUTAGE_SECONDS * 3_000 + 240_000);
    await waitSettled([id], 60_000);
    result.outage = {
      seconds: OUTAGE_SECONDS,
      events: keys.length,
      lost: missing,
      duplicated: ledger.duplicated(keys),
      refusedAttempts: await db.callbackAttempt.count({
        where: { delivery: { endpointId: id }, error: { startsWith: "refused" } },
      }),
    };
    say(`outage: ${JSON.stringify(result.outage)}  load ${load()}`);
    await disable([id]);
  }

  // --- 7. rate limit with two worker instances --------------------------------------------
  {
    const second = start("worker-2", workerArgs, env);
    await sleep(3_000);
    const r = await receiver(500);
    const id = await endpoint(500, r, { rateLimitPerSecond: RATE_LIMIT });
    arrivals.length = 0;
    recordArrivals = true;
    const count = RATE_LIMIT * 10;
    const ids = await loadBacklog("rate", count);
    const missing = await waitAcked(keysFor(500, ids), 120_000);
    recordArrivals = false;
    let maxInWindow = 0;
    for (let i = 0, j = 0; i < arrivals.length; i++) {
      while (arrivals[i] - arrivals[j] >= 1000) j++;
      maxInWindow = Math.max(maxInWindow, i - j + 1);
    }
    const span = (arrivals.at(-1)! - arrivals[0]) / 1000;
    // What the limiter governs: when each POST started (attempt end − its latency), from the log.
    const starts = (
      await db.callbackAttempt.findMany({
        where: { delivery: { endpointId: id } },
        select: { createdAt: true, latencyMs: true },
      })
    )
      .map((a) => a.createdAt.getTime() - a.latencyMs)
      .sort((a, b) => a - b);
    let maxStarts = 0;
    for (let i = 0, j = 0; i < starts.length; i++) {
      while (starts[i] - starts[j] >= 1000) j++;
      maxStarts = Math.max(maxStarts, i - j + 1);
    }
    result.rateLimit = {
      limitPerSecond: RATE_LIMIT,
      deliveries: arrivals.length,
      maxStartsInAnySecond: maxStarts,
      maxArrivalsInAnySecond: maxInWindow,
      averagePerSecond: Math.round((arrivals.length - 1) / span),
      exact: maxStarts <= RATE_LIMIT,
      lost: missing,
    };
    say(`rate limit, two workers: ${JSON.stringify(result.rateLimit)}  load ${load()}`);
    await disable([id]);
    await stopChild(second);
  }

  // --- 8. soak at 200 events/s ------------------------------------------------------------
  {
    const r = await receiver(600);
    const id = await endpoint(600, r);
    const from = Date.now();
    const keys = await paced("soak", 200, SOAK_SECONDS, 600);
    const missing = await waitAcked(keys, 120_000);
    const window = rss.filter((s) => s.t >= from);
    const tenth = Math.max(1, Math.floor(window.length / 10));
    const avg = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    const firstNext = avg(window.slice(0, tenth).map((s) => s.next));
    const lastNext = avg(window.slice(-tenth).map((s) => s.next));
    const firstWorker = avg(window.slice(0, tenth).map((s) => s.worker));
    const lastWorker = avg(window.slice(-tenth).map((s) => s.worker));
    result.soak = {
      seconds: SOAK_SECONDS,
      events: keys.length,
      lost: missing,
      duplicated: ledger.duplicated(keys),
      rssMb: {
        next: [firstNext, lastNext, `${(((lastNext - firstNext) / firstNext) * 100).toFixed(1)} %`],
        worker: [
          firstWorker,
          lastWorker,
          `${(((lastWorker - firstWorker) / firstWorker) * 100).toFixed(1)} %`,
        ],
      },
    };
    say(`soak: ${JSON.stringify(result.soak)}  load ${load()}`);
    await disable([id]);
  }

  clearInterval(sampler);
  result.peakRssMb = {
    next: Math.max(...rss.map((s) => s.next)),
    worker: Math.max(...rss.map((s) => s.worker)),
  };
  result.unverifiedRequests = ledger.unverified;
  result.loadAfter = load();
  await Promise.all([stopChild(worker), stopChild(next)]);
  await Promise.all(receivers.map((r) => r.close().catch(() => {})));
  await db.$disconnect();
  await stopPg();
  const lost = ["oneEndpoint", "twentyEndpoints", "latency200", "failing30", "outage", "soak"]
    .map((k) => (result[k] as { lost: number }).lost)
    .reduce((a, b) => a + b, 0);
  const duplicated = ["oneEndpoint", "twentyEndpoints", "latency200", "failing30", "outage", "soak"]
    .map((k) => (result[k] as { duplicated: number }).duplicated)
    .reduce((a, b) => a + b, 0);
  console.log(`BENCH ${JSON.stringify({ ...result, lost, duplicated })}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
