// CLI: runs the sandbox IM as its own process (dev stack, benches).
//   DATABASE_URL=… node --import tsx sandbox/im/serve-sandbox-im.ts
// Env: SANDBOX_IM_PORT (4020), SANDBOX_IM_CORP_ID, SANDBOX_IM_CORP_SECRET, SANDBOX_IM_AGENT_ID,
// SANDBOX_IM_RATE_PER_MINUTE (unset = unlimited), SANDBOX_IM_TOKEN_TTL, SANDBOX_IM_RECORD=1 (request log at /_sandbox/requests).
// Prints one JSON line {"url": …, "baseUrl": …} when listening.
import { SANDBOX_IM_DEFAULTS } from "@/lib/connectors/sandbox-defaults";
import { envSection } from "@/lib/core/env";
import { startSandboxIm } from "./start-sandbox-im";

// Only the database and the sandbox IM's own variables: the app's are not set for this process.
const config = (() => {
  try {
    return { ...envSection("database"), ...envSection("sandboxIm") };
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
})();
const server = await startSandboxIm({
  port: config.SANDBOX_IM_PORT ?? SANDBOX_IM_DEFAULTS.port,
  databaseUrl: config.DATABASE_URL,
  corpId: config.SANDBOX_IM_CORP_ID ?? SANDBOX_IM_DEFAULTS.corpId,
  corpSecret: config.SANDBOX_IM_CORP_SECRET ?? SANDBOX_IM_DEFAULTS.corpSecret,
  agentId: config.SANDBOX_IM_AGENT_ID ?? SANDBOX_IM_DEFAULTS.agentId,
  rateLimit: config.SANDBOX_IM_RATE_PER_MINUTE
    ? { perMinute: config.SANDBOX_IM_RATE_PER_MINUTE }
    : false,
  tokenTtlSeconds: config.SANDBOX_IM_TOKEN_TTL,
  recordRequests: config.SANDBOX_IM_RECORD,
});
console.log(JSON.stringify({ url: server.url, baseUrl: server.baseUrl }));
const stop = () => void server.close().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
