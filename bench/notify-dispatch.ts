// Fan-out of one notification to N recipients (default 100k) through the real dispatch steps
// (prepare → evaluate → send batches → finish) and the WeCom connector into the sandbox IM, with
// rate limits off. The sandbox runs in its own process (as in the dev stack). Prints: audience
// resolution + delivery rows, policy evaluation (the pure function alone, and the whole pass with
// its queries and bulk writes), deliveries/s into the sandbox, peak RSS of this process.
// Run: node --import tsx bench/notify-dispatch.ts [--recipients 100000] [--concurrency 4]
// Uses DATABASE_URL when set (the bench truncates the directory and notification tables), else a
// throw-away embedded PostgreSQL.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { openBenchDatabase } from "./lib/bench-database.ts";

const { values } = parseArgs({
  options: {
    recipients: { type: "string", default: "100000" },
    concurrency: { type: "string", default: "4" },
  },
});
const N = Number(values.recipients);
const CONCURRENCY = Number(values.concurrency);
const creds = { corpId: "ww-bench", corpSecret: "bench-secret", agentId: 1000002 };

async function spawnSandbox(url: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "../lib/sandbox/im/serve-sandbox-im.ts")],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        SANDBOX_IM_PORT: "0",
        SANDBOX_IM_CORP_ID: creds.corpId,
        SANDBOX_IM_CORP_SECRET: creds.corpSecret,
        SANDBOX_IM_AGENT_ID: String(creds.agentId),
        SANDBOX_IM_RATE_PER_MINUTE: "",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  const { baseUrl } = JSON.parse(line) as { baseUrl: string };
  return {
    baseUrl,
    stop: async () => {
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

/** Twelve zones whose wall clock reads 09:00–20:59 now, so quiet hours are evaluated but hold nobody back. */
function daytimeZones(): string[] {
  const utcHour = new Date().getUTCHours();
  const zones: string[] = [];
  for (let offset = -12; offset <= 14 && zones.length < 12; offset++) {
    const local = (((utcHour + offset) % 24) + 24) % 24;
    if (local >= 9 && local <= 20)
      zones.push(
        offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`,
      );
  }
  return zones;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const pg = await openBenchDatabase();
  process.env.DATABASE_URL = pg.url;
  process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");
  process.env.DATABASE_POOL_SIZE ??= "10";
  const { db } = await import("../lib/core/db");
  const { createSandboxConnections } = await import("../lib/testing/create-sandbox-connections");
  const { createCategory } = await import("../lib/notifications/commands/save-category");
  const { createNotification } = await import("../lib/notifications/commands/create-notification");
  const { prepareDispatch } = await import("../lib/notifications/engine/prepare-dispatch");
  const { evaluateDeliveries } = await import("../lib/notifications/engine/evaluate-deliveries");
  const { sendDueDeliveries } = await import("../lib/notifications/engine/send-due-deliveries");
  const { finishDispatch } = await import("../lib/notifications/engine/finish-dispatch");

  await db.$executeRawUnsafe(
    `TRUNCATE "NotificationDelivery", "Notification", "NotificationPreference", "NotificationCategoryVersion", "NotificationCategory", "ImAccount", "OrgMapping", "ImGroup", "Employee", "OrgUnit", "Connection", "SandboxImUser", "SandboxImMessage", "SandboxImDepartment" CASCADE`,
  );
  const sandbox = await spawnSandbox(pg.url);
  try {
    const { connectionId } = await createSandboxConnections(db, {
      hrUrl: "http://127.0.0.1:9",
      imBaseUrl: sandbox.baseUrl,
      creds,
    });
    const zones = daytimeZones();
    let t = performance.now();
    await db.$executeRaw`INSERT INTO "OrgUnit" (id, code, name, path, depth, "updatedAt") VALUES ('bu-0', 'BR', '基准公司', '/BR', 0, now())`;
    await db.$executeRaw`
      INSERT INTO "OrgUnit" (id, code, name, path, depth, "parentId", "updatedAt")
      SELECT 'bu-' || g, 'BR-' || g, '部门' || g, '/BR/BR-' || g, 1, 'bu-0', now() FROM generate_series(1, 100) g`;
    await db.$executeRaw`
      INSERT INTO "Employee" (id, "employeeNo", name, "orgUnitId", "timeZone", status, "updatedAt")
      SELECT 'be-' || g, 'B' || lpad(g::text, 7, '0'), '员工' || g, 'bu-' || (g % 100 + 1), (${zones}::text[])[g % ${zones.length} + 1], 'ACTIVE', now()
      FROM generate_series(1, ${N}) g`;
    await db.$executeRaw`
      INSERT INTO "SandboxImUser" (userid, "useridLower", name, departments, "mainDepartment", "updatedAt")
      SELECT 'B' || lpad(g::text, 7, '0'), 'b' || lpad(g::text, 7, '0'), '员工' || g, ARRAY[1], 1, now() FROM generate_series(1, ${N}) g`;
    await db.$executeRaw`
      INSERT INTO "ImAccount" (id, "connectionId", "employeeId", "imUserId", state, "updatedAt")
      SELECT 'ba-' || g, ${connectionId}, 'be-' || g, 'B' || lpad(g::text, 7, '0'), 'ACTIVE', now() FROM generate_series(1, ${N}) g`;
    const category = await createCategory(
      {
        key: "bench-benefits",
        nameZh: "福利提醒",
        nameEn: "Benefits",
        mandatory: false,
        urgent: false,
        defaultOptIn: true,
        quietHours: {
          enabled: true,
          start: "22:00",
          end: "08:00",
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          timeZone: null,
        },
        quietAction: "defer",
        channel: "text",
        fallbackChannel: null,
        throttlePerDay: 3,
        throttleAction: "defer",
      },
      { actor: { type: "system", id: "bench" } },
    );
    // One in twenty opted out.
    await db.$executeRaw`
      INSERT INTO "NotificationPreference" (id, "employeeId", "categoryId", "optedIn", "updatedAt")
      SELECT 'bp-' || g, 'be-' || g, ${category.id}, false, now() FROM generate_series(20, ${N}, 20) g`;
    await db.$executeRawUnsafe(`ANALYZE`);
    console.log(
      `setup: ${N} employees in ${zones.length} zones, IM users and accounts, ${Math.floor(N / 20)} opt-outs: ${secs(performance.now() - t)}; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );

    const { notification } = await createNotification(
      {
        notification: {
          category: "bench-benefits",
          recipients: { everyone: true },
          title: "体检预约",
          body: "年度体检预约已开放，请在本月内完成预约。",
          link: "https://hr.example/checkup",
        },
      },
      { actor: { type: "system", id: "bench" } },
      { send: async () => {} },
    );
    const started = performance.now();
    t = started;
    const prepared = await prepareDispatch(notification.id);
    const prepareMs = performance.now() - t;
    t = performance.now();
    const evaluated = await evaluateDeliveries({ notificationId: notification.id });
    const evaluateMs = performance.now() - t;
    t = performance.now();
    let steps = 0;
    let sent = 0;
    let failed = 0;
    for (;;) {
      const r = await sendDueDeliveries({
        notificationId: notification.id,
        concurrency: CONCURRENCY,
      });
      steps++;
      sent += r.sent;
      failed += r.failed;
      if (!r.remaining) break;
    }
    const sendMs = performance.now() - t;
    const finished = await finishDispatch(notification.id);
    const totalMs = performance.now() - started;
    const inbox = await db.sandboxImMessage.count();

    console.log(
      `prepare (audience → ${prepared.recipients} delivery rows, one INSERT … SELECT): ${secs(prepareMs)}`,
    );
    console.log(
      `policy evaluation: ${secs(evaluated.policyMs)} in evaluateDelivery for ${evaluated.evaluated} recipients (${((evaluated.policyMs * 1000) / Math.max(1, evaluated.evaluated)).toFixed(1)} µs each); whole pass with queries + bulk writes: ${secs(evaluateMs)} — send ${evaluated.send}, suppressed ${evaluated.suppressed}, deferred ${evaluated.deferred}, failed ${evaluated.failed}`,
    );
    console.log(
      `send: ${sent} sent, ${failed} failed in ${steps} steps, ${secs(sendMs)} — ${(sent / (sendMs / 1000)).toFixed(0)} deliveries/s into the sandbox IM (${CONCURRENCY} calls in flight, 1000 recipients per call)`,
    );
    console.log(
      `end to end (prepare → finish): ${secs(totalMs)}; notification ${finished.status}; sandbox inbox rows: ${inbox}`,
    );
    console.log(
      `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process; the sandbox IM runs in its own); load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    await sandbox.stop();
    await db.$disconnect();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
