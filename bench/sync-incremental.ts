// Incremental sync latency: HR pushes a signed webhook for each hire → receiver → embedded executor →
// hr-incremental-sync (merge) → hr-target-sync (bursts batched per IM target: scoped plan + apply) → the
// account exists in the sandbox IM.
// The app side runs in a child process (bench/incremental-app.ts) over real HTTP; the sandboxes and the
// executor run in this process. Latency = sandbox IM user createdAt − the HR event's occurredAt.
// Hires are offered on a fixed schedule (each pushed at its due time, not after the previous one
// finished), so the offered rate holds even when pushes slow down; the achieved rate is printed.
// Run: node --import tsx bench/sync-incremental.ts   BENCH_EVENTS (200)  BENCH_RATE (events/s, 5)
//   BENCH_WARMUP (100 hires at 20/s first, not measured)
//   BENCH_EMPLOYEES (2000)  BENCH_UNITS (150)  DATABASE_URL (else an embedded PostgreSQL)
//   Issue #17's target: BENCH_RATE=100 BENCH_EVENTS=6000 (60 s) → p99 ≤ 2 s on the production build.
// Last line: BENCH {json}.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import path from "node:path";
import { freePort } from "../scripts/lib/postgres";
import { openBenchDatabase } from "./lib/bench-database";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 2_000);
const UNITS = Number(process.env.BENCH_UNITS ?? 150);
const creds = { corpId: "ww-bench", corpSecret: "bench-secret", agentId: 1000002 };
const SIGNING_KEY = `signkey-bench-${"cd".repeat(32)}`;
const EVENT_KEY = "bench-incremental";

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const { url, stop: stopPg } = await openBenchDatabase();
  process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");
  const webhookSecret = `whsec_${randomBytes(24).toString("base64")}`;

  const { db } = await import("../lib/core/db");
  const { encryptSecrets } = await import("../lib/core/crypto/encrypt-secrets");
  const { generateCompany } = await import("../lib/sandbox/demo/generate-company");
  const { writeCompanyToSandboxHr } =
    await import("../lib/sandbox/demo/write-company-to-sandbox-hr");
  const { startSandboxHr } = await import("../lib/sandbox/hr/start-sandbox-hr");
  const { hireEmployee } = await import("../lib/sandbox/hr/simulator/hire-employee");
  const { startSandboxIm } = await import("../lib/sandbox/im/start-sandbox-im");
  const { ensureDemoMapping } = await import("../lib/sandbox/demo/ensure-demo-mapping");
  const { pullHrDirectory } = await import("../lib/sync/engine/pull-hr-directory");
  const { runFullSync } = await import("../lib/sync/engine/run-full-sync");
  const { startExecutor } = await import("../inngest/engine/index");

  await db.$executeRawUnsafe(
    `TRUNCATE "SyncConflict", "SyncChange", "SyncRun", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "SandboxHrEmployee", "SandboxHrUnit", "SandboxImUser", "SandboxImDepartment" CASCADE`,
  );
  const hr = await startSandboxHr({ port: 0, databaseUrl: url });
  const im = await startSandboxIm({ ...creds, port: 0, databaseUrl: url, rateLimit: false });
  const company = generateCompany({ units: UNITS, employees: EMPLOYEES });
  await writeCompanyToSandboxHr(db, company);
  const hrConn = await db.connection.create({
    data: {
      kind: "HR_SOURCE",
      provider: "sandbox-hr",
      name: "Bench HR",
      config: { baseUrl: hr.url },
      secretsCipher: encryptSecrets({ token: "sandbox-hr-token", webhookSecret }),
    },
  });
  await db.connection.create({
    data: {
      kind: "IM_TARGET",
      provider: "sandbox-im",
      name: "Bench IM",
      config: {
        baseUrl: im.baseUrl,
        corpId: creds.corpId,
        agentId: creds.agentId,
        rateLimit: false,
      },
      secretsCipher: encryptSecrets({ contactSecret: creds.corpSecret }),
    },
  });
  const imConn = await db.connection.findFirstOrThrow({ where: { name: "Bench IM" } });
  await pullHrDirectory({ hrConnectionId: hrConn.id });
  await ensureDemoMapping({ databaseUrl: url, connectionName: "Bench IM" });
  const t0 = Date.now();
  await runFullSync({ connectionId: imConn.id, hrConnectionId: hrConn.id, trigger: "bench" });
  console.log(
    `initial full sync of ${EMPLOYEES} employees / ${UNITS} units: ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );

  const executorPort = await freePort();
  const executorUrl = `http://127.0.0.1:${executorPort}`;
  const child = fork(path.join(import.meta.dirname, "incremental-app.ts"), {
    execArgv: [
      "--import",
      "tsx",
      ...(process.env.BENCH_CPU_PROF === "1"
        ? ["--cpu-prof", `--cpu-prof-dir=${path.join(import.meta.dirname, "..", ".data", "prof")}`]
        : []),
    ],
    env: {
      ...process.env,
      INNGEST_DEV: "0",
      INNGEST_SIGNING_KEY: SIGNING_KEY,
      INNGEST_EVENT_KEY: EVENT_KEY,
      INNGEST_BASE_URL: executorUrl,
      INNGEST_LOG_LEVEL: "error",
    },
  });
  const appPort = await new Promise<number>((resolve) =>
    child.once("message", (m: { port: number }) => resolve(m.port)),
  );
  const exec = await startExecutor({
    port: executorPort,
    databaseUrl: url,
    signingKey: SIGNING_KEY,
    eventKey: EVENT_KEY,
    appUrls: [`http://127.0.0.1:${appPort}/api/inngest`],
    log: () => {},
  });
  await exec.sync();
  const webhook = {
    url: `http://127.0.0.1:${appPort}/api/hooks/hr/${hrConn.id}`,
    secret: webhookSecret,
  };

  try {
    const units = company.units.filter((u) => u.code !== "XH").map((u) => u.code);
    /** Offers `count` signed hires at `rate`/s; waits for their IM accounts; latencies sorted. */
    const offer = async (count: number, rate: number, prefix: string) => {
      const pending: Promise<{ employeeNo: string; occurredAt: number; delivery: unknown }>[] = [];
      const started = Date.now();
      for (let i = 0; i < count; i++) {
        const due = started + (i * 1000) / rate;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        const employeeNo = `${prefix}${String(i).padStart(6, "0")}`;
        pending.push(
          hireEmployee(
            { db, webhook },
            {
              employeeNo,
              name: `压测 ${prefix} ${i}`,
              unitCode: units[i % units.length],
              email: `bench.${prefix.toLowerCase()}.${i}@incr.example`,
              mobile: `13${prefix === "XB" ? 6 : 7}${String(i).padStart(8, "0")}`,
            },
          ).then(({ event, delivery }) => ({
            employeeNo,
            occurredAt: Date.parse(event.occurredAt),
            delivery,
          })),
        );
      }
      const hires = await Promise.all(pending);
      const offeredRate = count / ((Date.now() - started) / 1000);
      const results = (await Promise.all(hires.map((h) => h.delivery))) as (
        { ok: boolean } | undefined
      )[];
      const refused = results.filter((r) => !r?.ok).length;
      const deadline = Date.now() + 300_000;
      const nos = hires.map((h) => h.employeeNo);
      let created: { userid: string; createdAt: Date }[] = [];
      while (Date.now() < deadline) {
        created = await db.sandboxImUser.findMany({
          where: { userid: { in: nos } },
          select: { userid: true, createdAt: true },
        });
        if (created.length >= nos.length) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const at = new Map(created.map((u) => [u.userid, u.createdAt.getTime()]));
      const lat = hires
        .filter((h) => at.has(h.employeeNo))
        .map((h) => at.get(h.employeeNo)! - h.occurredAt)
        .sort((a, b) => a - b);
      return { offeredRate, refused, created, lat };
    };
    // Warm-up (a running console is warm): JIT, connection pools, the connectors' first calls.
    const warm = await offer(WARMUP, 20, "XW");
    console.log(`warm-up: ${WARMUP} hires at 20/s, p50 ${pct(warm.lat, 50)} ms`);
    const loadBefore = loadavg();
    const { offeredRate, refused, created, lat } = await offer(EVENTS, RATE, "XB");
    const runs = await db.syncRun.count({ where: { kind: "INCREMENTAL" } }); // warm-up runs included
    const load = loadavg();
    console.log(
      `${EVENTS} hires offered at ${RATE}/s (achieved ${offeredRate.toFixed(1)}/s) → IM accounts ${created.length}/${EVENTS} (webhooks refused ${refused}, incremental runs ${runs})\n` +
        `HR event → IM account created: p50 ${pct(lat, 50)} ms  p90 ${pct(lat, 90)} ms  p99 ${pct(lat, 99)} ms  max ${lat.at(-1)} ms`,
    );
    const fmt = (l: number[]) => l.map((n) => n.toFixed(2)).join(" ");
    console.log(`load average before ${fmt(loadBefore)}, after ${fmt(load)}`);
    console.log(
      `BENCH ${JSON.stringify({
        bench: "sync-incremental",
        events: EVENTS,
        rate: RATE,
        offeredRate: Number(offeredRate.toFixed(1)),
        created: created.length,
        refused,
        incrementalRuns: runs,
        p50Ms: pct(lat, 50) ?? null,
        p90Ms: pct(lat, 90) ?? null,
        p99Ms: pct(lat, 99) ?? null,
        maxMs: lat.at(-1) ?? null,
        loadAvg: load.map((n) => Number(n.toFixed(2))),
      })}`,
    );
  } finally {
    await exec.stop();
    child.kill();
    await hr.close();
    await im.close();
    await db.$disconnect();
    await stopPg();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
