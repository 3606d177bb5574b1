import { envSection } from "@/lib/core/env";
import { createSandboxDb, type SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";

// The console reaches the sandboxes' tables through a client of their own, as it would an outside
// system; one per process (Next.js dev reloads modules, so it lives on globalThis).
const globalForSandbox = globalThis as unknown as { orgbridgeSandboxDb?: SandboxDb };

/** The sandbox HR/IM tables, for the console's preview and simulator pages. */
export function getSandboxDb(): SandboxDb {
  if (!globalForSandbox.orgbridgeSandboxDb) {
    globalForSandbox.orgbridgeSandboxDb = createSandboxDb(envSection("database").DATABASE_URL, 3);
  }
  return globalForSandbox.orgbridgeSandboxDb;
}
