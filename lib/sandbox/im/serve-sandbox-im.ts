// CLI: runs the sandbox IM as its own process (dev stack, benches).
//   DATABASE_URL=… node --import tsx sandbox/im/serve-sandbox-im.ts
// Env: SANDBOX_IM_PORT (4020), SANDBOX_IM_CORP_ID, SANDBOX_IM_CORP_SECRET, SANDBOX_IM_AGENT_ID,
// SANDBOX_IM_RATE_PER_MINUTE (unset = unlimited), SANDBOX_IM_TOKEN_TTL, SANDBOX_IM_RECORD=1 (request log at /_sandbox/requests).
// Prints one JSON line {"url": …, "baseUrl": …} when listening.
import { SANDBOX_IM_DEFAULTS } from "@/lib/connectors/sandbox-defaults";
import { startSandboxIm } from "./start-sandbox-im";

const env = process.env;
if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is required");
  process.exit(2);
}
const server = await startSandboxIm({
  port: Number(env.SANDBOX_IM_PORT ?? SANDBOX_IM_DEFAULTS.port),
  databaseUrl: env.DATABASE_URL,
  corpId: env.SANDBOX_IM_CORP_ID ?? SANDBOX_IM_DEFAULTS.corpId,
  corpSecret: env.SANDBOX_IM_CORP_SECRET ?? SANDBOX_IM_DEFAULTS.corpSecret,
  agentId: Number(env.SANDBOX_IM_AGENT_ID ?? SANDBOX_IM_DEFAULTS.agentId),
  rateLimit: env.SANDBOX_IM_RATE_PER_MINUTE
    ? { perMinute: Number(env.SANDBOX_IM_RATE_PER_MINUTE) }
    : false,
  tokenTtlSeconds: env.SANDBOX_IM_TOKEN_TTL ? Number(env.SANDBOX_IM_TOKEN_TTL) : undefined,
  recordRequests: env.SANDBOX_IM_RECORD === "1",
});
console.log(JSON.stringify({ url: server.url, baseUrl: server.baseUrl }));
const stop = () => void server.close().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
