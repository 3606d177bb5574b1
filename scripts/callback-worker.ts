// The callback delivery worker as its own process (lib/callbacks/engine/README.md): the run
// command starts it next to Next; in production run it the same way, once or several times
// (claims are SKIP LOCKED under a lease). Stops on SIGTERM/SIGINT after recording what is in flight.
import { startDeliveryWorker } from "@/lib/callbacks/engine/delivery-worker";
import { getDb } from "@/lib/core/db";

const worker = startDeliveryWorker({ log: (line) => console.log(line) });
console.log("delivery worker started");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await getDb().$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
void worker.done.then(() => stop());
