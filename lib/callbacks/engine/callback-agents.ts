import http from "node:http";
import https from "node:https";
import type { ResolvedAddress } from "./ssrf-guard";

/** Keep-alive connection pools for callback POSTs, one per (scheme, host, port, checked address). */
export type CallbackAgents = {
  /** The pool whose sockets all go to `pinned`, the address the SSRF guard approved for this send. */
  agentFor(url: URL, hostname: string, pinned: ResolvedAddress): http.Agent;
  /** Closes every pooled socket. */
  destroy(): void;
};

// Below Node's default server keepAliveTimeout (5 s), so we drop an idle socket before the
// receiver does and never write into one it is closing.
const IDLE_SOCKET_MS = 4_000;
const IDLE_AGENT_MS = 60_000;

/**
 * Pools keyed by the checked address as well as the host: a socket is reused only for sends
 * that resolved (and passed the guard) to the same address, so DNS rebinding cannot reach a
 * pooled connection either. `maxSocketsPerHost` bounds concurrency per endpoint host.
 */
export function createCallbackAgents(options: { maxSocketsPerHost: number }): CallbackAgents {
  const agents = new Map<string, { agent: http.Agent; usedAt: number }>();
  const sweep = setInterval(() => {
    const cutoff = Date.now() - IDLE_AGENT_MS;
    for (const [key, entry] of agents)
      if (entry.usedAt < cutoff) {
        entry.agent.destroy();
        agents.delete(key);
      }
  }, IDLE_AGENT_MS);
  sweep.unref();
  return {
    agentFor(url, hostname, pinned) {
      const key = `${url.protocol}//${hostname}:${url.port}@${pinned.address}`;
      let entry = agents.get(key);
      if (!entry) {
        const settings = {
          keepAlive: true,
          maxSockets: options.maxSocketsPerHost,
          maxFreeSockets: options.maxSocketsPerHost,
          timeout: IDLE_SOCKET_MS,
          scheduling: "lifo" as const,
        };
        const agent =
          url.protocol === "https:" ? new https.Agent(settings) : new http.Agent(settings);
        entry = { agent, usedAt: Date.now() };
        agents.set(key, entry);
      }
      entry.usedAt = Date.now();
      return entry.agent;
    },
    destroy() {
      clearInterval(sweep);
      for (const { agent } of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}
