// The product's Inngest functions served from their own process (the run command starts it in
// production and points the embedded executor at it): the same functions and SDK handler as the
// Next.js route /api/inngest, on plain node:http. Every step call through Next.js paid for its
// request pipeline (web Request/Response, middleware, async context) and shared one event loop
// with the console; here the background work gets its own (bench/executor-product.ts).
//
//   node --import tsx scripts/functions-worker.ts <port> [host]
//
// Inngest Cloud or self-hosted Inngest can call either this server or the Next.js route.
import { createServer } from "node:http";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { serveNode } from "@/inngest/serve-node";
import { getDb } from "@/lib/core/db";
import { plainProcessEnv } from "./lib/plain-env.mjs";

plainProcessEnv();

const port = Number(process.argv[2]);
const host = process.argv[3] ?? "127.0.0.1";
if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  console.error("usage: functions-worker.ts <port> [host]");
  process.exit(2);
}
const STOP_GRACE_MS = 4_000;

const handler = serveNode({
  client: inngest,
  functions,
  serveOrigin: `http://${host}:${port}`,
});
const server = createServer((req, res) => {
  const pathname = (req.url ?? "").split("?")[0];
  if (pathname === "/api/inngest") return handler(req, res);
  if (pathname === "/health" && req.method === "GET") {
    res.writeHead(200, { "content-type": "application/json" });
    return void res.end(JSON.stringify({ ok: true, functions: functions.length }));
  }
  res.writeHead(404);
  res.end();
});
server.keepAliveTimeout = 65_000;
server.on("clientError", (_err, socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
server.listen(port, host, () =>
  console.log(
    `functions worker ready on http://${host}:${port}/api/inngest (${functions.length} functions)`,
  ),
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // No new calls; calls in flight get STOP_GRACE_MS to answer (the executor retries the rest).
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((r) => setTimeout(r, STOP_GRACE_MS))]);
  await getDb()
    .$disconnect()
    .catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
