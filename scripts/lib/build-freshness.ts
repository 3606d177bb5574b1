// Whether the production build in .next still matches the sources, so `npm start` rebuilds after a
// `git pull` or an edit instead of serving yesterday's app. The build records what it was made from in
// .next/orgbridge-build.json: the git HEAD (when there is one) and a hash of every file that goes into it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const RECORD = ".next/orgbridge-build.json";
const SOURCE_DIRS = ["app", "components", "lib", "inngest", "i18n", "messages", "public"];
const SOURCE_FILES = [
  "package.json",
  "package-lock.json",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "proxy.ts",
  "prisma/schema.prisma",
];
// Tests and notes never reach the bundle; the generated client follows prisma/schema.prisma.
const IGNORED = (rel: string) =>
  /\.(int\.)?test\.tsx?$/.test(rel) || rel.endsWith(".md") || rel.startsWith("lib/generated/");

export type BuildRecord = {
  gitHead: string | null;
  fingerprint: string;
  files: Record<string, string>;
};

export type BuildFreshness =
  | { fresh: true }
  | {
      fresh: false;
      /** One line for the console saying why a build runs. */
      reason: string;
    };

function listSources(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && !IGNORED(child)) out.push(child);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(path.join(root, dir))) walk(dir);
  for (const file of SOURCE_FILES) if (existsSync(path.join(root, file))) out.push(file);
  return out.sort();
}

function gitHead(root: string): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], {
      cwd: root,
      stdio: ["ignore", "pipe", "ignore"],
    })
      .toString()
      .trim();
  } catch {
    return null; // an unpacked tarball: the file hashes alone decide
  }
}

/** What a build would be made from now; take it before `next build`, so edits during the build count as changes. */
export function snapshotSources(root: string): BuildRecord {
  const files: Record<string, string> = {};
  const all = createHash("sha256");
  for (const rel of listSources(root)) {
    const h = createHash("sha256")
      .update(readFileSync(path.join(root, rel)))
      .digest("hex");
    files[rel] = h.slice(0, 16);
    all.update(`${rel}\0${h}\n`);
  }
  return { gitHead: gitHead(root), fingerprint: all.digest("hex"), files };
}

function describeChange(before: BuildRecord, now: BuildRecord): string {
  const changed = Object.keys({ ...before.files, ...now.files })
    .filter((f) => before.files[f] !== now.files[f])
    .sort();
  const head =
    before.gitHead && now.gitHead && before.gitHead !== now.gitHead
      ? `git HEAD moved from ${before.gitHead.slice(0, 8)} to ${now.gitHead.slice(0, 8)}; `
      : "";
  const shown = changed.slice(0, 3).join(", ");
  const more = changed.length > 3 ? ` and ${changed.length - 3} more` : "";
  return `the sources changed since the last build (${head}${changed.length} file(s) differ: ${shown}${more})`;
}

/** Compares .next with the sources. A build without a record (a plain `next build`) counts as fresh when no source is newer than it. */
export function checkBuildFreshness(root: string): BuildFreshness {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return { fresh: false, reason: "there is no production build yet" };
  const now = snapshotSources(root);
  const recordPath = path.join(root, RECORD);
  if (!existsSync(recordPath)) {
    const builtAt = statSync(buildId).mtimeMs;
    const newer = Object.keys(now.files).filter(
      (f) => statSync(path.join(root, f)).mtimeMs > builtAt,
    );
    if (newer.length === 0) return { fresh: true };
    return {
      fresh: false,
      reason: `the build in .next was made outside npm start and ${newer.length} source file(s) are newer than it (${newer.slice(0, 3).join(", ")})`,
    };
  }
  let before: BuildRecord;
  try {
    before = JSON.parse(readFileSync(recordPath, "utf8")) as BuildRecord;
  } catch {
    return { fresh: false, reason: `${RECORD} is unreadable` };
  }
  if (before.fingerprint === now.fingerprint) return { fresh: true };
  return { fresh: false, reason: describeChange(before, now) };
}

/** Writes what the build in .next was made from, after a successful `next build`. */
export function recordBuild(root: string, snapshot: BuildRecord): void {
  writeFileSync(path.join(root, RECORD), JSON.stringify(snapshot));
}
