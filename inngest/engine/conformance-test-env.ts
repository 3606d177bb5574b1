// Shared by the conformance integration tests (conformance, conformance-cron): keys, a Prisma client
// on the test database, ports and polling.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { inject } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";

export const databaseUrl = inject("databaseUrl");
export const SIGNING_KEY = `signkey-test-${"5e".repeat(32)}`;
export const EVENT_KEY = "conformance-event-key";

/** Reads what the executor wrote; each test file disconnects it in its afterAll. */
export const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

/** Polls until `ok(value)`; fails with the last value after the deadline. */
export async function waitFor<T>(
  what: string,
  get: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await get();
  while (!ok(last)) {
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; last: ${JSON.stringify(last, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`,
      );
    await new Promise((r) => setTimeout(r, 50));
    last = await get();
  }
  return last;
}

export const TERMINAL = ["COMPLETED", "FAILED", "CANCELLED"];
