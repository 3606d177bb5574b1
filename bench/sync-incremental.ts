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
import { offerHires, pct, reportHires } from "./lib/offer-hires";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 2_000);
const UNITS = Number(process.env.BENCH_UNITS ?? 150);
const creds = { corpId: "ww-bench", corpSecret: "bench-secret", agentId: 1000002 };
const SIGNING_KEY = `signkey-bench-${"cd".repeat(32)}`;
const EVENT_KEY = "bench-incremental";

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
    const offer = (count: number, rate: number, prefix: string) =>
      offerHires(
        { db, webhook },
        { count, rate, prefix, mobileStem: prefix === "XB" ? "36" : "37", units },
      );
    // Warm-up (a running console is warm): JIT, connection pools, the connectors' first calls.
    const warm = await offer(WARMUP, 20, "XW");
    console.log(`warm-up: ${WARMUP} hires at 20/s, p50 ${pct(warm.lat, 50)} ms`);
    const loadBefore = loadavg();
    const measured = await offer(EVENTS, RATE, "XB");
    const incrementalRuns = await db.syncRun.count({ where: { kind: "INCREMENTAL" } }); // warm-up runs included
    reportHires(
      "sync-incremental",
      { events: EVENTS, rate: RATE, incrementalRuns, loadBefore },
      measured,
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
