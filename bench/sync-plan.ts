// Plans a generated 100k-employee / 10k-unit company from an empty IM, then
// replans the synced result (steady state). Prints wall time and heap.
// Run: node --expose-gc --import tsx bench/sync-plan.ts [employees] [units]

import { performance } from "node:perf_hooks";
import { EMPTY_IM, EMPTY_MEMORY, employee, mirror, options, unit } from "@/lib/sync/rules/fixtures";
import { planSync } from "@/lib/sync/rules/plan-sync";
import { simulatePlan } from "@/lib/sync/rules/simulate-plan";
import type { HrEmployee, HrState, HrUnit } from "@/lib/sync/types";

const EMPLOYEES = Number(process.argv[2] ?? 100_000);
const UNITS = Number(process.argv[3] ?? 10_000);
const BUDGET_MS = 120_000;

function company(): HrState {
  const units: HrUnit[] = [];
  for (let i = 0; i < UNITS; i++) {
    // Fan-out of 8 gives a realistic 5–6 level tree.
    units.push(
      unit(`U${i}`, i === 0 ? undefined : `U${Math.floor((i - 1) / 8)}`, {
        name: `部门 ${i}`,
        nameEn: `Dept ${i}`,
      }),
    );
  }
  const employees: HrEmployee[] = [];
  for (let i = 0; i < EMPLOYEES; i++) {
    const r = i % 100;
    const status = r < 2 ? "onboarding" : r < 5 ? "on_leave" : r < 6 ? "terminated" : "active";
    employees.push(
      employee(`E${i}`, `U${i % UNITS}`, {
        status,
        title: `Title ${i % 37}`,
        ...(status === "onboarding" ? { hireDate: i % 2 ? "2025-03-11" : "2025-05-01" } : {}),
        ...(status === "terminated" ? { terminationDate: "2025-03-01" } : {}),
      }),
    );
  }
  return { units, employees };
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function measure<T>(label: string, run: () => T): T {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  (${((ms / BUDGET_MS) * 100).toFixed(2)}% of 120 s)  heap +${mb(heapAfter - heapBefore)}, used ${mb(heapAfter)}`,
  );
  return result;
}

const hr = measure("generate company", company);
const opts = options({ fingerprintScope: "bench" });
const mappings = [mirror("U0", { namingTemplate: "{code}-{name}" })];
const first = measure("plan from empty IM", () =>
  planSync({ hr, im: EMPTY_IM, memory: EMPTY_MEMORY, mappings, options: opts }),
);
console.log(
  "  ",
  JSON.stringify(first.summary.counts),
  `conflicts=${first.conflicts.length}`,
  `held=${first.summary.held}`,
);
const synced = measure("simulate apply", () =>
  simulatePlan({ im: EMPTY_IM, memory: EMPTY_MEMORY, plan: first }),
);
const second = measure("replan synced IM (steady state)", () =>
  planSync({ hr, im: synced.im, memory: synced.memory, mappings, options: opts }),
);
console.log(
  "  ",
  `changes=${second.changes.length}`,
  `memoryUpdates=${second.memoryUpdates.length}`,
  `conflicts=${second.conflicts.length}`,
);
console.log(`peak rss ${mb(process.memoryUsage().rss)}, node ${process.version}`);
