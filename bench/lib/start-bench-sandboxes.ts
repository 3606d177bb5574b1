import { fork } from "node:child_process";
import path from "node:path";

/** The sandbox IM's credentials in the benches (the connection row carries them to the connector). */
export const BENCH_IM_CREDS = { corpId: "ww-bench", corpSecret: "bench-secret", agentId: 1000002 };

export type BenchSandboxes = {
  hr: { url: string };
  im: { baseUrl: string };
  creds: typeof BENCH_IM_CREDS;
  /** Stops the child (it closes its servers when the IPC channel goes). */
  close(): void;
};

/**
 * Starts bench/sync-sandboxes-app.ts in a child process: the sandbox HR seeded with a generated company
 * (unless it already holds one) and the sandbox IM, rate limits off. DATABASE_URL must be set.
 */
export async function startBenchSandboxes(
  employees: number,
  units: number,
): Promise<BenchSandboxes> {
  const child = fork(
    path.join(import.meta.dirname, "..", "sync-sandboxes-app.ts"),
    [String(employees), String(units)],
    { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  const ready = await new Promise<{ hrUrl: string; imBaseUrl: string }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { hrUrl: string; imBaseUrl: string }));
    child.once("exit", (code) => reject(new Error(`sandbox process exited with ${code}`)));
  });
  child.removeAllListeners("exit");
  return {
    hr: { url: ready.hrUrl },
    im: { baseUrl: ready.imBaseUrl },
    creds: BENCH_IM_CREDS,
    close: () => {
      if (child.connected) child.disconnect();
    },
  };
}
