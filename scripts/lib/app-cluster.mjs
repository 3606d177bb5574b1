// The web app's HTTP server, one process or a node:cluster of them. Plain JavaScript: it runs
// under plain node (scripts/app-server.mjs), before anything could compile TypeScript.
//
// With more than one worker, the primary only forks and supervises: each worker builds its own
// request handler (a whole Next.js server) and listens on the same port, and the primary hands
// out the accepted connections round-robin. The primary never loads Next.js.
import cluster from "node:cluster";
import { createServer } from "node:http";

/** Set from the TCP socket on every request (lib/core/api/client-ip.ts reads it). */
export const PEER_HEADER = "x-orgbridge-peer";

// A worker that dies after it served is replaced, unless workers keep dying: this many
// unexpected exits within the window mean replacing them will not help.
const CRASH_LIMIT = 3;
const CRASH_WINDOW_MS = 10_000;
// How long workers get to finish after SIGTERM/SIGINT before they are killed; below the 5 s the
// run command (scripts/dev.ts) gives the whole server.
const STOP_GRACE_MS = 4_000;

/**
 * @typedef {{ handle: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>, close: () => Promise<void> }} AppHandler
 * @typedef {{
 *   workers: number,
 *   port: number,
 *   host: string,
 *   label: string,
 *   createHandler: () => Promise<AppHandler>,
 * }} AppServerOptions
 */

/**
 * Serves `createHandler()`'s handler on host:port: in this process when `workers` is 1, else in
 * `workers` forked processes supervised by this one. Prints one `ready on http://host:port (…)`
 * line once every worker listens.
 * @param {AppServerOptions} options
 */
export async function runAppServer(options) {
  if (options.workers > 1 && cluster.isPrimary) return supervise(options);
  return serve(options);
}

/** @param {AppServerOptions} options */
async function serve({ port, host, label, createHandler }) {
  const { handle, close } = await createHandler();
  const server = createServer((req, res) => {
    // Overwrites whatever the client sent under this name.
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    handle(req, res).catch((err) => {
      console.error("request failed", err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(undefined));
  });
  if (cluster.isPrimary) console.log(`ready on http://${host}:${port} (${label})`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    close()
      .catch(() => {})
      .finally(() => process.exit(0));
  };
  // A worker gets these from the primary (and SIGINT from the terminal too, on Ctrl-C).
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** @param {AppServerOptions} options */
function supervise({ workers, port, host, label }) {
  /** @type {Set<number>} ids of workers that listen */
  const listening = new Set();
  /** @type {number[]} when workers died unexpectedly */
  const crashes = [];
  let announced = false;
  let stopping = false;
  let exitCode = 0;

  const log = (line) => console.log(`[cluster] ${line}`);
  const alive = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());

  const stopAll = (signal, code) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const left = alive();
    if (left.length === 0) process.exit(exitCode);
    for (const worker of left) worker.process.kill(signal);
    setTimeout(() => {
      for (const worker of alive()) {
        log(
          `worker ${worker.process.pid} did not stop within ${STOP_GRACE_MS / 1000} s; killing it`,
        );
        worker.process.kill("SIGKILL");
      }
    }, STOP_GRACE_MS).unref();
  };

  cluster.on("listening", (worker) => {
    listening.add(worker.id);
    if (!announced && listening.size >= workers) {
      announced = true;
      console.log(`ready on http://${host}:${port} (${label}, ${workers} workers)`);
    }
  });

  cluster.on("exit", (worker, code, signal) => {
    const how = signal ? `signal ${signal}` : `code ${code}`;
    const served = listening.delete(worker.id);
    if (stopping) {
      if (alive().length === 0) process.exit(exitCode);
      return;
    }
    if (!served) {
      // It never got as far as listening (no build, port taken, bad configuration): another
      // would fail the same way. Exit, so the run command stops everything and says so.
      log(`worker ${worker.process.pid} exited with ${how} before it served; stopping`);
      return stopAll("SIGTERM", 1);
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes[0] < now - CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length >= CRASH_LIMIT) {
      log(
        `worker ${worker.process.pid} exited with ${how}; ${crashes.length} workers died within ${CRASH_WINDOW_MS / 1000} s, stopping`,
      );
      return stopAll("SIGTERM", 1);
    }
    log(`worker ${worker.process.pid} exited with ${how}; starting another`);
    cluster.fork();
  });

  process.on("SIGTERM", () => stopAll("SIGTERM", 0));
  process.on("SIGINT", () => stopAll("SIGINT", 0));
  for (let i = 0; i < workers; i++) cluster.fork();
}
