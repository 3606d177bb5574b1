// The sync engine alone in a process, for crash tests and benches that SIGKILL it mid-apply:
// `node --import tsx lib/sync/engine/sync-engine-process.ts <runId>` carries an opened run to its end
// (resumeSyncRun) and prints `DONE {json}`. DATABASE_URL and ORGBRIDGE_SECRET_KEY come from the parent.
import { resumeSyncRun } from "@/lib/sync/engine/resume-sync-run";

async function main() {
  const runId = process.argv[2];
  if (!runId) throw new Error("usage: sync-engine-process.ts <runId>");
  const result = await resumeSyncRun(runId);
  console.log(`DONE ${JSON.stringify(result)}`);
  const { db } = await import("@/lib/core/db");
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
