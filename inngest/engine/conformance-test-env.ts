// Shared by the executor's integration tests (conformance, conformance-cron, conformance-flow,
// flow-control, flow-two-executors, contention, event-intake): keys, a Prisma client on the test
// database, ports, polling, and the start and stop of executors with the apps they serve.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { serve } from "inngest/node";
import { inject } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serveNode } from "../serve-node";
import { startExecutor, type ExecutorHandle } from "./index";

export const databaseUrl = inject("databaseUrl");
export const SIGNING_KEY = `signkey-test-${"5e".repeat(32)}`;
export const EVENT_KEY = "conformance-event-key";

/** Reads what the executor wrote; each test file disconnects it in its afterAll. */
export const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

/** Polls until `ok(value)`; fails with the last value after the deadline. */
export async function waitFor<T>(
  what: string,
  get: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await get();
  while (!ok(last)) {
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; last: ${JSON.stringify(last, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`,
      );
    await new Promise((r) => setTimeout(r, 50));
    last = await get();
  }
  return last;
}

export const TERMINAL = ["COMPLETED", "FAILED", "CANCELLED"];

/** An app as the real SDK serves it (`serve({ client, functions })`). */
export type ServedApp = Parameters<typeof serve>[0];

/** Options for {@link startTestStack}. */
export type TestStackOptions = {
  /** Builds the apps, after the SDK's environment points at the first executor; each gets its own port. */
  apps: () => ServedApp[];
  /** Executors sharing the test database; the SDK sends events and checkpoints to the first (default 1). */
  executors?: number;
  /** Let the SDK checkpoint consecutive steps (the executor's default: true). */
  checkpointing?: boolean;
  /** First retry delay in ms. */
  retryBaseMs?: number;
  /** false: the executors are told of no app, which then registers out of band (default true: in-band sync). */
  inBandSync?: boolean;
  /** Require the event key on POST /e (default true). */
  eventKey?: boolean;
  /** Lease of concurrency slots in seconds (default 60). */
  leaseSeconds?: number;
  /** Serve the apps through serveNode (the functions worker's guarded handler) instead of the SDK's own. */
  guarded?: boolean;
  /** Each executor's log lines, with its index. */
  log?: (line: string, instance: number) => void;
};

/** Running executors and the HTTP servers of their apps. */
export type TestStack = {
  executors: ExecutorHandle[];
  /** The apps' serve URLs, in the order `apps` built them. */
  appUrls: string[];
  /** Stops executor `i` and starts a new one with the same options on the same port. */
  restart(i: number): Promise<ExecutorHandle>;
  /** Stops every executor, then the app servers. */
  stop(): Promise<void>;
};

/**
 * Starts what an executor integration test drives: the SDK in cloud mode (signature verification on)
 * pointed at the first executor, the apps on their own HTTP servers, and the executors on one database.
 */
export async function startTestStack(options: TestStackOptions): Promise<TestStack> {
  const count = options.executors ?? 1;
  // The first executor's port is held by a placeholder while the apps (and any other server of
  // this process) pick ephemeral ports, so none of them can be given it; released just before
  // the executor binds it, and the other executors start only after that (CI once saw
  // EADDRINUSE when the port was merely looked up and freed).
  const placeholder = createServer();
  const first = await listen(placeholder);
  const ports = [first, ...Array<number>(count - 1).fill(0)];
  process.env.INNGEST_DEV = "0";
  process.env.INNGEST_SIGNING_KEY = SIGNING_KEY;
  process.env.INNGEST_EVENT_KEY = EVENT_KEY;
  process.env.INNGEST_BASE_URL = `http://127.0.0.1:${ports[0]}`;
  const servers: Server[] = [];
  const appUrls: string[] = [];
  for (const app of options.apps()) {
    let handler: RequestListener = serve(app);
    const server = createServer((req, res) => handler(req, res));
    servers.push(server);
    const origin = `http://127.0.0.1:${await listen(server)}`;
    if (options.guarded)
      handler = serveNode({ client: app.client, functions: app.functions, serveOrigin: origin });
    appUrls.push(`${origin}/api/inngest`);
  }
  const start = (i: number, port: number) =>
    startExecutor({
      port,
      databaseUrl,
      signingKey: SIGNING_KEY,
      ...(options.eventKey === false ? {} : { eventKey: EVENT_KEY }),
      appUrls: options.inBandSync === false ? [] : appUrls,
      ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
      ...(options.checkpointing !== undefined ? { checkpointing: options.checkpointing } : {}),
      ...(options.leaseSeconds !== undefined ? { leaseSeconds: options.leaseSeconds } : {}),
      log: (line) => options.log?.(line, i),
    });
  await new Promise<void>((r) => placeholder.close(() => r()));
  const head = await Promise.allSettled([start(0, first)]);
  const started = [
    ...head,
    ...(head[0].status === "fulfilled"
      ? await Promise.allSettled(ports.slice(1).map((port, i) => start(i + 1, port)))
      : []),
  ];
  const executors = started.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = started.find((r) => r.status === "rejected");
  if (failed) {
    await Promise.all(executors.map((e) => e.stop()));
    for (const server of servers) await closeServer(server);
    throw failed.reason;
  }
  return {
    executors,
    appUrls,
    async restart(i) {
      const port = Number(new URL(executors[i].url).port);
      await executors[i].stop();
      executors[i] = await start(i, port);
      return executors[i];
    },
    async stop() {
      await Promise.all(executors.map((e) => e.stop()));
      for (const server of servers) await closeServer(server);
    },
  };
}

/** Posts one event to an executor's event API; returns the id it assigned. */
export async function postEvent(
  executorUrl: string,
  name: string,
  data: Record<string, unknown> = {},
): Promise<string> {
  const res = await fetch(`${executorUrl}/e/${EVENT_KEY}`, {
    method: "POST",
    body: JSON.stringify({ name, data }),
  });
  return ((await res.json()) as { ids: string[] }).ids[0];
}

/** Waits until the runs these events started have all ended; returns their statuses. */
export function runsEnded(eventIds: string[], timeoutMs = 60_000) {
  return waitFor(
    `${eventIds.length} runs to end`,
    () =>
      db.jobRun.findMany({
        where: { eventId: { in: eventIds } },
        select: { status: true, waitReason: true },
      }),
    (rs) => rs.length === eventIds.length && rs.every((r) => TERMINAL.includes(r.status)),
    timeoutMs,
  );
}

/** Waits until the executors have registered `count` functions of the app `appId`. */
export function appSynced(appId: string, count: number) {
  return waitFor(
    `sync of the ${appId} app`,
    () => db.jobFunction.count({ where: { appId } }),
    (n) => n === count,
  );
}

function closeServer(server: Server): Promise<void> {
  return new Promise((r) => server.close(() => r()));
}
