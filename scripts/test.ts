// `npm test`: typecheck, lint and format, unit tests, integration tests on a real PostgreSQL, then
// Playwright e2e in Chromium against a production build. Prints one summary
// line at the end ("N passed, N failed") and exits non-zero on any failure.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { recordBuild, snapshotSources } from "./lib/build-freshness.ts";
import { projectRoot } from "./lib/stack.ts";

const { values } = parseArgs({
  options: { only: { type: "string" }, "skip-build": { type: "boolean", default: false } },
});
const only = values.only?.split(",");
const outDir = path.join(projectRoot, "test-results");
mkdirSync(outDir, { recursive: true });

type Tally = {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  ok: boolean;
};
const tallies: Tally[] = [];

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: projectRoot,
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const npx = (bin: string) => path.join(projectRoot, "node_modules/.bin", bin);

async function vitest(project: "unit" | "integration") {
  const report = path.join(outDir, `vitest-${project}.json`);
  rmSync(report, { force: true });
  const started = Date.now();
  const code = await run(npx("vitest"), [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ]);
  const json = existsSync(report) ? JSON.parse(readFileSync(report, "utf8")) : {};
  tallies.push({
    name: project,
    passed: json.numPassedTests ?? 0,
    failed: (json.numFailedTests ?? 0) + (code !== 0 && !json.numFailedTests ? 1 : 0),
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    seconds: (Date.now() - started) / 1000,
    ok: code === 0 && !json.numFailedTests,
  });
}

async function e2e() {
  const started = Date.now();
  if (!values["skip-build"]) {
    const snapshot = snapshotSources(projectRoot);
    const code = await run(
      process.execPath,
      [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"],
      {
        NEXT_TELEMETRY_DISABLED: "1",
      },
    );
    if (code !== 0) {
      tallies.push({
        name: "e2e (next build)",
        passed: 0,
        failed: 1,
        skipped: 0,
        seconds: (Date.now() - started) / 1000,
        ok: false,
      });
      return;
    }
    // The e2e web server (scripts/dev.ts --prod) then serves this build instead of rebuilding.
    recordBuild(projectRoot, snapshot);
  }
  const report = path.join(outDir, "playwright.json");
  rmSync(report, { force: true });
  const code = await run(npx("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const json = existsSync(report) ? JSON.parse(readFileSync(report, "utf8")) : { stats: {} };
  const s = json.stats ?? {};
  tallies.push({
    name: "e2e",
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + (code !== 0 && !s.unexpected ? 1 : 0),
    skipped: s.skipped ?? 0,
    seconds: (Date.now() - started) / 1000,
    ok: code === 0 && !s.unexpected,
  });
}

/** A check that passes or fails as a whole (typecheck, lint, format). */
async function check(name: string, bin: string, args: string[]) {
  const started = Date.now();
  const code = await run(npx(bin), args);
  tallies.push({
    name,
    passed: 0,
    failed: code === 0 ? 0 : 1,
    skipped: 0,
    seconds: (Date.now() - started) / 1000,
    ok: code === 0,
  });
}

const steps: [string, () => Promise<void>][] = [
  ["typecheck", () => check("typecheck", "tsc", ["--noEmit", "-p", "."])],
  ["lint", () => check("lint", "eslint", [".", "--max-warnings=0"])],
  ["format", () => check("format", "prettier", ["--check", "."])],
  ["unit", () => vitest("unit")],
  ["integration", () => vitest("integration")],
  ["e2e", e2e],
];
const totalStart = Date.now();
for (const [name, step] of steps) {
  if (only && !only.includes(name)) continue;
  console.log(`\n━━━ ${name} ━━━`);
  await step();
}

console.log("\n━━━ summary ━━━");
for (const t of tallies) {
  console.log(
    `  ${t.name.padEnd(16)} ${String(t.passed).padStart(4)} passed  ${String(t.failed).padStart(3)} failed  ${String(t.skipped).padStart(3)} skipped  ${t.seconds.toFixed(0).padStart(4)} s  ${t.ok ? "ok" : "FAILED"}`,
  );
}
const passed = tallies.reduce((a, t) => a + t.passed, 0);
const failed = tallies.reduce((a, t) => a + t.failed, 0);
const skipped = tallies.reduce((a, t) => a + t.skipped, 0);
console.log(`  total time ${((Date.now() - totalStart) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(tallies.every((t) => t.ok) && passed > 0 ? 0 : 1);
