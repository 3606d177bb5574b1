// The web app's HTTP server: Next.js's own request handler behind a node:http
// server that records who actually connected. Next.js keeps a client-sent
// X-Forwarded-For as it is, so the socket address would otherwise be lost and
// a forged header could pass a token's IP allow-list (lib/core/api/client-ip.ts).
// In production it can run as several processes on the same port (node:cluster, one
// Next.js server each; scripts/lib/app-cluster.mjs): one Node.js event loop is the ceiling
// otherwise. The development server (Turbopack) is always one process.
//
//   node scripts/app-server.mjs <dev|prod> <port> <host> [workers]
import path from "node:path";
import { runAppServer } from "./lib/app-cluster.mjs";
import { plainProcessEnv } from "./lib/plain-env.mjs";

const [mode = "prod", portArg = "3000", host = "127.0.0.1", workersArg = "1"] =
  process.argv.slice(2);
const port = Number(portArg);
const dev = mode === "dev";
// The development server reloads .env files into process.env as they change; production does not.
if (!dev) plainProcessEnv();
const workers = dev ? 1 : Number(workersArg);
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`app-server: workers must be a whole number of at least 1, not "${workersArg}"`);
  process.exit(2);
}

await runAppServer({
  workers,
  port,
  host,
  label: dev ? "development" : "production",
  createHandler: async () => {
    // Loaded only where requests are served: a cluster's primary never needs Next.js.
    const { default: next } = await import("next");
    const app = next({ dev, hostname: host, port, dir: path.resolve(import.meta.dirname, "..") });
    await app.prepare();
    const handle = app.getRequestHandler();
    return {
      handle: (req, res) => {
        if (isUncompressed(req.url)) delete req.headers["accept-encoding"];
        return handle(req, res);
      },
      close: () => app.close(),
    };
  },
});

/**
 * Machine-to-machine endpoints whose answers are a few bytes of JSON (HR pushes, the Inngest
 * protocol, event intake): Next.js gzips every response the client accepts gzip for, and fetch
 * always asks — a zlib stream per webhook was 7 % of the server's CPU under 100 HR pushes a second
 * (bench/sync-incremental-product.ts), to shrink a 60-byte answer. Pages, lists and exports stay
 * compressed.
 * @param {string | undefined} url
 */
function isUncompressed(url = "") {
  return (
    url.startsWith("/api/hooks/") ||
    url.startsWith("/api/inngest") ||
    url === "/api/v1/events" ||
    url.startsWith("/api/v1/events?") ||
    url.startsWith("/api/v1/events/batch")
  );
}
