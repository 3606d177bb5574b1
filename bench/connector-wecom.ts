// Bench: the WeCom connector creating users against sandbox/im.
//   1. limits off (connector and sandbox): throughput, ops/s, at a few concurrency levels;
//   2. limits on: the connector throttles itself to the budget, and the sandbox — which answers
//      45009 past its own per-minute budget — counts requests per window to prove it stayed under.
// Run: node --import tsx bench/connector-wecom.ts [--users 2000] [--limited-users 700]
// Uses DATABASE_URL when set, else a throw-away embedded PostgreSQL. Results: bench/out/connector-wecom.json.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { mapConcurrent } from "@/lib/connectors/core/collect";
import { createRateLimiter } from "@/lib/connectors/core/rate-limiter";
import { createWecomTarget } from "@/lib/connectors/im/wecom/create-wecom-target";
import { createSandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";
import { resetSandboxIm } from "@/lib/sandbox/im/reset-sandbox-im";
import type { SandboxImRequest } from "@/lib/sandbox/im/start-sandbox-im";
import { openBenchDatabase } from "./lib/bench-database.ts";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "2000" },
    "limited-users": { type: "string", default: "700" },
  },
});
const creds = { corpId: "ww-bench", corpSecret: "bench-secret", agentId: 1000002 };

/** Most requests inside any window of `windowMs` (sliding, by arrival time at the server). */
function maxInWindow(times: number[], windowMs: number): number {
  let max = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] >= windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

/** The sandbox runs in its own process, as it would in the dev stack: one event loop does not pace the other. */
async function spawnSandbox(url: string, perMinute: number | false) {
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
        SANDBOX_IM_RATE_PER_MINUTE: perMinute ? String(perMinute) : "",
        SANDBOX_IM_RECORD: "1",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  const { url: origin, baseUrl } = JSON.parse(line) as { url: string; baseUrl: string };
  return {
    baseUrl,
    requests: async (reset = false) =>
      (
        (await (await fetch(`${origin}/_sandbox/requests${reset ? "?reset=1" : ""}`)).json()) as {
          requests: SandboxImRequest[];
        }
      ).requests,
    stop: async () => {
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

async function createUsers(options: {
  url: string;
  tag: string;
  count: number;
  concurrency: number;
  rateLimit: false | { perSecond?: number; perMinute?: number };
  serverLimit: false | { perMinute: number };
}) {
  const server = await spawnSandbox(
    options.url,
    options.serverLimit && options.serverLimit.perMinute,
  );
  // The limiter's own ledger of when it let each request go, to compare with arrival at the server.
  const grants: number[] = [];
  const limiter = createRateLimiter({
    limits: options.rateLimit,
    onGrant: (at) => grants.push(at),
  });
  const target = createWecomTarget(
    {
      baseUrl: server.baseUrl,
      corpId: creds.corpId,
      agentId: creds.agentId,
      rateLimit: options.rateLimit,
    },
    { contactSecret: creds.corpSecret },
    { limiter },
  );
  await target.testConnection();
  await server.requests(true);
  grants.length = 0;
  const started = performance.now();
  await mapConcurrent(
    Array.from({ length: options.count }, (_, i) => i),
    options.concurrency,
    (i) =>
      target.createUser({
        id: `${options.tag}-${i}`,
        name: `压测${i}`,
        email: `${options.tag}-${i}@bench.example`,
        groupIds: ["1"],
      }),
  );
  const seconds = (performance.now() - started) / 1_000;
  const log = await server.requests();
  await server.stop();
  const creates = log.filter((r) => r.path.endsWith("/user/create"));
  const times = creates.map((r) => r.at).sort((a, b) => a - b);
  return {
    users: options.count,
    concurrency: options.concurrency,
    seconds: Number(seconds.toFixed(2)),
    opsPerSecond: Number((options.count / seconds).toFixed(1)),
    requests: log.length,
    throttled45009: log.filter((r) => r.errcode === 45009).length,
    // As sent by the connector (limiter grant times) …
    clientMaxPerSecondWindow: maxInWindow(grants, 1_000),
    clientMaxPerMinuteWindow: maxInWindow(grants, 60_000),
    // … and as counted at the server (arrival times; on a busy machine arrivals bunch up).
    serverMaxPerSecondWindow: maxInWindow(times, 1_000),
    serverMaxPerMinuteWindow: maxInWindow(times, 60_000),
  };
}

const db = await openBenchDatabase();
const admin = createSandboxDb(db.url, 2);
try {
  await resetSandboxIm(admin, { everything: true });
  const total = Number(values.users);
  const unlimited = [];
  for (const concurrency of [1, 8, 32]) {
    const count = concurrency === 1 ? Math.min(300, total) : total;
    unlimited.push(
      await createUsers({
        url: db.url,
        tag: `u${concurrency}`,
        count,
        concurrency,
        rateLimit: false,
        serverLimit: false,
      }),
    );
    console.log("limits off", unlimited.at(-1));
  }
  await resetSandboxIm(admin);
  const budget = { perSecond: 20, perMinute: 600 };
  const limited = await createUsers({
    url: db.url,
    tag: "lim",
    count: Number(values["limited-users"]),
    concurrency: 16,
    rateLimit: budget,
    serverLimit: { perMinute: budget.perMinute },
  });
  console.log("limits on", { budget, ...limited });
  // The server enforces the per-minute budget (45009 past it); per-second is the connector's own smoothing.
  const ok =
    limited.throttled45009 === 0 &&
    limited.serverMaxPerMinuteWindow <= budget.perMinute &&
    limited.serverMaxPerSecondWindow <= budget.perSecond &&
    limited.clientMaxPerSecondWindow <= budget.perSecond &&
    limited.clientMaxPerMinuteWindow <= budget.perMinute;
  console.log(
    ok
      ? "PASS: no 45009; per-second and per-minute windows within budget, counted at the server and in the limiter"
      : "FAIL: budget exceeded",
  );
  if (limited.serverMaxPerSecondWindow > budget.perSecond)
    console.log(
      `note: server saw up to ${limited.serverMaxPerSecondWindow} arrivals in one 1 s window (arrival jitter under CPU contention)`,
    );
  mkdirSync(path.join(import.meta.dirname, "out"), { recursive: true });
  writeFileSync(
    path.join(import.meta.dirname, "out/connector-wecom.json"),
    JSON.stringify(
      { at: new Date().toISOString(), unlimited, limited: { budget, ...limited }, ok },
      null,
      2,
    ),
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await resetSandboxIm(admin, { everything: true });
  await admin.$disconnect();
  await db.stop();
}
process.exit(process.exitCode ?? 0);
