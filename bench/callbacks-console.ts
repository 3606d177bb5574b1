// What the Data callbacks pages cost to load on a busy install: seeds BENCH_ENDPOINTS endpoints with
// BENCH_DELIVERIES deliveries (1–3 attempts each, spread over 8 days, ~10 % failing) into PostgreSQL,
// then times the console's read queries (median and max of BENCH_REPEAT runs each).
// Run: node --import tsx bench/callbacks-console.ts   (embedded PostgreSQL unless DATABASE_URL is set)
import { loadavg } from "node:os";
import { openBenchDatabase } from "./lib/bench-database";

const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 20);
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 200_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function main() {
  const { url, stop: stopPg } = await openBenchDatabase();
  const { db } = await import("../lib/core/db");
  const { listEndpoints } = await import("../lib/callbacks/queries/list-endpoints");
  const { listDeliveries } = await import("../lib/callbacks/queries/list-deliveries");
  const { getSuccessRate } = await import("../lib/callbacks/queries/get-success-rate");
  const { listAutoDisabledEndpoints } =
    await import("../lib/callbacks/queries/list-auto-disabled-endpoints");
  try {
    const seeded = Date.now();
    await db.$executeRawUnsafe(`
      INSERT INTO "CallbackEndpoint" (id, name, url, "eventTypes", "secretCipher", "updatedAt")
      SELECT 'ep' || i, 'Endpoint ' || i, 'https://e' || i || '.example.com/hooks', ARRAY['sync.completed','learning.exam.passed'], 'x', now()
        FROM generate_series(1, ${ENDPOINTS}) i`);
    await db.$executeRawUnsafe(`
      INSERT INTO "CallbackEvent" (id, type, data, source, "occurredAt", "createdAt")
      SELECT 'ev' || i, CASE WHEN i % 3 = 0 THEN 'sync.completed' ELSE 'learning.exam.passed' END, '{}'::jsonb, 'bench',
             now() - (random() * interval '8 days'), now()
        FROM generate_series(1, ${DELIVERIES}) i`);
    await db.$executeRawUnsafe(`
      INSERT INTO "CallbackDelivery" (id, "endpointId", "eventId", status, "attemptCount", "lastStatusCode", "createdAt")
      SELECT 'd' || i, 'ep' || (1 + i % ${ENDPOINTS}), 'ev' || i,
             (CASE WHEN i % 10 = 0 THEN 'DEAD' ELSE 'SUCCEEDED' END)::"CallbackDeliveryStatus",
             1 + i % 3, CASE WHEN i % 10 = 0 THEN 500 ELSE 200 END, e."occurredAt"
        FROM generate_series(1, ${DELIVERIES}) i JOIN "CallbackEvent" e ON e.id = 'ev' || i`);
    await db.$executeRawUnsafe(`
      INSERT INTO "CallbackAttempt" (id, "deliveryId", attempt, "requestHeaders", "statusCode", "latencyMs", "createdAt")
      SELECT d.id || '-' || n, d.id, n, '{}'::jsonb,
             CASE WHEN n < d."attemptCount" OR d.status = 'DEAD' THEN 500 ELSE 200 END, 20 + n, d."createdAt" + n * interval '30 seconds'
        FROM "CallbackDelivery" d CROSS JOIN LATERAL generate_series(1, d."attemptCount") n`);
    await db.$executeRawUnsafe(`ANALYZE`);
    const [{ attempts }] = await db.$queryRaw<
      { attempts: number }[]
    >`SELECT count(*)::int AS attempts FROM "CallbackAttempt"`;
    console.log(
      `seeded ${ENDPOINTS} endpoints, ${DELIVERIES} deliveries, ${attempts} attempts in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );

    const time = async (label: string, fn: () => Promise<unknown>) => {
      await fn();
      const ms: number[] = [];
      for (let i = 0; i < REPEAT; i++) {
        const t0 = performance.now();
        await fn();
        ms.push(performance.now() - t0);
      }
      ms.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(44)} median ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms   max ${ms.at(-1)!.toFixed(1)} ms`,
      );
    };
    await time("listEndpoints (list page)", () => listEndpoints());
    await time("listAutoDisabledEndpoints (banner)", () => listAutoDisabledEndpoints());
    await time("getSuccessRate 24h", () => getSuccessRate({ endpointId: "ep1", range: "24h" }));
    await time("getSuccessRate 7d", () => getSuccessRate({ endpointId: "ep1", range: "7d" }));
    await time("listDeliveries page 1 (no filter)", () =>
      listDeliveries("ep1", { page: 1, status: undefined, type: undefined }),
    );
    await time("listDeliveries DEAD + sync.completed", () =>
      listDeliveries("ep1", { page: 1, status: "DEAD", type: "sync.completed" }),
    );
    await time("listDeliveries page 50", () =>
      listDeliveries("ep1", { page: 50, status: undefined, type: undefined }),
    );
    console.log(`load average ${load()}`);
  } finally {
    await db.$disconnect();
    await stopPg();
  }
}

void main();
