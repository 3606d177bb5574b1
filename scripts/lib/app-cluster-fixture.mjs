// A stand-in app for app-cluster.test.ts: the real cluster code around a handler that answers
// with the serving process's id and the peer address the server recorded. Test-only: the product's
// server never says which process answered.
//   node scripts/lib/app-cluster-fixture.mjs <port> <workers> [ok|broken]
import { PEER_HEADER, runAppServer } from "./app-cluster.mjs";

const [port, workers, mode = "ok"] = process.argv.slice(2);

await runAppServer({
  workers: Number(workers),
  port: Number(port),
  host: "127.0.0.1",
  label: "fixture",
  createHandler: async () => {
    if (mode === "broken") throw new Error("fixture: this worker cannot start");
    return {
      handle: async (req, res) => {
        if (req.url === "/crash") process.exit(3);
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ pid: process.pid, peer: req.headers[PEER_HEADER] }));
      },
      close: async () => {},
    };
  },
});
