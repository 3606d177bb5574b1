// The web app's HTTP server: Next.js's own request handler behind a node:http
// server that records who actually connected. Next.js keeps a client-sent
// X-Forwarded-For as it is, so the socket address would otherwise be lost and
// a forged header could pass a token's IP allow-list (lib/core/api/client-ip.ts).
//
//   node scripts/app-server.mjs <dev|prod> <port> <host>
import { createServer } from "node:http";
import path from "node:path";
import next from "next";

const PEER_HEADER = "x-orgbridge-peer";
const [mode = "prod", portArg = "3000", host = "127.0.0.1"] = process.argv.slice(2);
const port = Number(portArg);
const dev = mode === "dev";

const app = next({ dev, hostname: host, port, dir: path.resolve(import.meta.dirname, "..") });
await app.prepare();
const handle = app.getRequestHandler();

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
server.listen(port, host, () => {
  console.log(`ready on http://${host}:${port} (${dev ? "development" : "production"})`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  app
    .close()
    .catch(() => {})
    .finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
