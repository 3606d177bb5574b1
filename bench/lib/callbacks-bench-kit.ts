// Helpers of bench/callbacks-deliver.ts: timing, percentiles, child processes and their memory, and
// the receivers' ledger of acknowledged webhook-ids.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
export const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
export const say = (line: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** RSS in MB of a process and all its descendants (Next may run its server in a child). */
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(p) ?? []));
  }
  return Math.round(kb / 1024);
}

export function start(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n"))
        if (line.trim() && !/^\s*$/.test(line)) process.stdout.write(`  [${name}] ${line}\n`);
    });
  return child;
}
export const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 30_000).unref();
  });

/** What the receivers saw: first 2xx time and 2xx count per (endpoint, webhook-id). */
export class Ledger {
  acked = new Map<string, { at: number; count: number }>();
  requests = 0;
  unverified = 0;
  record(key: string) {
    const hit = this.acked.get(key);
    if (hit) hit.count++;
    else this.acked.set(key, { at: Date.now(), count: 1 });
  }
  duplicated(keys: Iterable<string>) {
    let n = 0;
    for (const k of keys) if ((this.acked.get(k)?.count ?? 0) > 1) n++;
    return n;
  }
  lost(keys: Iterable<string>) {
    let n = 0;
    for (const k of keys) if (!this.acked.has(k)) n++;
    return n;
  }
}
