// Next.js calls register() once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { snapshotProcessEnv } = await import("./lib/core/env");
  snapshotProcessEnv();
}
