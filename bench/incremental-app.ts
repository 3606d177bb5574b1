// Child process for bench/sync-incremental.ts: the app side over real HTTP — the HR webhook receiver (the
// same function the Next route calls) and the real Inngest SDK serve handler with hr-incremental-sync and
// hr-target-sync.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "inngest/node";
import { inngest } from "../inngest/client";
import { hrIncrementalSync } from "../inngest/functions/sync-incremental";
import { hrTargetSync } from "../inngest/functions/sync-target";
import { receiveHrWebhook } from "../lib/sync/commands/receive-hr-webhook";

const inngestHandler = serve({ client: inngest, functions: [hrIncrementalSync, hrTargetSync] });
const server = createServer((req, res) => {
  const hook = /^\/api\/hooks\/hr\/([^/]+)$/.exec(req.url ?? "");
  if (!hook || req.method !== "POST") return inngestHandler(req, res);
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
    );
    const out = await receiveHrWebhook({
      connectionId: hook[1],
      headers,
      body: Buffer.concat(chunks).toString("utf8"),
    });
    res.writeHead(out.status, { "content-type": "application/json" }).end(JSON.stringify(out.body));
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () =>
  process.send?.({ port: (server.address() as AddressInfo).port }),
);
// Exit normally on SIGTERM, so --cpu-prof (BENCH_CPU_PROF=1) gets to write its profile.
process.on("SIGTERM", () => process.exit(0));
