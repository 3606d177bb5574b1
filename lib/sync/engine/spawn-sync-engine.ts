import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type SyncEngineProcess = {
  child: ChildProcess;
  /** Resolves with the exit code (null and the signal when killed). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
};

/**
 * Starts lib/sync/engine/sync-engine-process.ts on a run: the engine in a process of its own, so a test or
 * bench can SIGKILL it at any point. `env` adds to the environment (DATABASE_URL, ORGBRIDGE_SECRET_KEY).
 */
export function spawnSyncEngine(runId: string, env: Record<string, string>): SyncEngineProcess {
  const root = path.resolve(import.meta.dirname, "../../..");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "lib/sync/engine/sync-engine-process.ts"), runId],
    { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    output: string;
  }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, output })));
  return { child, exited };
}
