import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "./postgres";

// The cluster code (app-cluster.mjs) run for real, with a stub handler instead of Next.js:
// node:cluster needs a process of its own, so each test starts the fixture server.
const fixture = path.join(import.meta.dirname, "app-cluster-fixture.mjs");

type Server = { child: ChildProcess; port: number; output: () => string; exited: Promise<number> };
const started: Server[] = [];

afterEach(() => {
  for (const { child } of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

async function start(workers: number, mode = "ok"): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [fixture, String(port), String(workers), mode], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c));
  child.stderr!.on("data", (c: Buffer) => (output += c));
  const exited = new Promise<number>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))),
  );
  const server = { child, port, output: () => output, exited };
  started.push(server);
  return server;
}

async function until<T>(what: string, probe: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const readyLine = (s: Server) =>
  until("the ready line", () => /^ready on .*$/m.exec(s.output())?.[0]);

/** The primary's child processes (Linux /proc). */
function children(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return text ? text.split(" ").map(Number) : [];
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** One request on a connection of its own, so the primary hands each to the next worker. */
function get(port: number, urlPath = "/"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: "127.0.0.1", port, path: urlPath, agent: false, headers: { [PEER]: "6.6.6.6" } },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
  });
}
const PEER = "x-orgbridge-peer";

describe("app server cluster", () => {
  it("serves concurrent requests from every worker, each recording the socket's peer", async () => {
    const server = await start(2);
    expect(await readyLine(server)).toBe(
      `ready on http://127.0.0.1:${server.port} (fixture, 2 workers)`,
    );
    const workers = children(server.child.pid!);
    expect(workers).toHaveLength(2);

    const answers = await Promise.all(Array.from({ length: 20 }, () => get(server.port)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const bodies = answers.map((a) => JSON.parse(a.body) as { pid: number; peer: string });
    expect(new Set(bodies.map((b) => b.pid))).toEqual(new Set(workers));
    // The client's own header is overwritten with the address that connected.
    expect(new Set(bodies.map((b) => b.peer))).toEqual(new Set(["127.0.0.1"]));
  });

  it("stops every worker on SIGTERM to the primary, and exits 0", async () => {
    const server = await start(2);
    await readyLine(server);
    const workers = children(server.child.pid!);
    expect(workers.every(isAlive)).toBe(true);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(workers.filter(isAlive)).toEqual([]);
  });

  it("replaces a worker that dies, and gives up when workers keep dying", async () => {
    const server = await start(2);
    await readyLine(server);
    const first = children(server.child.pid!);
    await get(server.port, "/crash").catch(() => {});
    const replaced = await until("a replacement worker", () => {
      const now = children(server.child.pid!);
      return now.length === 2 && now.some((pid) => !first.includes(pid)) && now;
    });
    expect(replaced.filter((pid) => first.includes(pid))).toHaveLength(1);
    // Its replacement serves.
    await until("both workers serving", () => server.output().includes("starting another"));
    const served = new Set<number>();
    while (served.size < 2)
      served.add((JSON.parse((await get(server.port)).body) as { pid: number }).pid);
    expect(served).toEqual(new Set(replaced));

    // Two more deaths within the window: three in a few seconds, so the primary stops everything.
    await get(server.port, "/crash").catch(() => {});
    await until("a second replacement", () => children(server.child.pid!).length === 2);
    await get(server.port, "/crash").catch(() => {});
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/3 workers died within 10 s, stopping/);
  });

  it("exits non-zero without re-forking when workers fail before they listen", async () => {
    const server = await start(2, "broken");
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/exited with code 1 before it served; stopping/);
    expect(server.output()).not.toMatch(/ready on/);
  });

  it("serves from the one process, with no workers, when asked for one", async () => {
    const server = await start(1);
    expect(await readyLine(server)).toBe(`ready on http://127.0.0.1:${server.port} (fixture)`);
    expect(children(server.child.pid!)).toEqual([]);
    const body = JSON.parse((await get(server.port)).body) as { pid: number; peer: string };
    expect(body).toEqual({ pid: server.child.pid, peer: "127.0.0.1" });
  });
});
