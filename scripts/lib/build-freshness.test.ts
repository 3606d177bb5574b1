import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkBuildFreshness, recordBuild, snapshotSources } from "./build-freshness";

let root: string;
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};
const build = () => write(".next/BUILD_ID", "b1");

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "build-freshness-"));
  write("app/page.tsx", "export default 1;");
  write("package-lock.json", "{}");
  write("lib/sync/rules/x.ts", "export const x = 1;");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("checkBuildFreshness", () => {
  it("asks for a build when there is none", () => {
    expect(checkBuildFreshness(root)).toEqual({
      fresh: false,
      reason: "there is no production build yet",
    });
  });

  it("serves a recorded build while the sources are unchanged", () => {
    const snapshot = snapshotSources(root);
    build();
    recordBuild(root, snapshot);
    expect(checkBuildFreshness(root)).toEqual({ fresh: true });
  });

  it("names the files that changed since the recorded build, the lockfile included", () => {
    const snapshot = snapshotSources(root);
    build();
    recordBuild(root, snapshot);
    write("app/page.tsx", "export default 2;");
    write("package-lock.json", '{"v":2}');
    const out = checkBuildFreshness(root);
    expect(out.fresh).toBe(false);
    expect(!out.fresh && out.reason).toContain("2 file(s) differ: app/page.tsx, package-lock.json");
  });

  it("counts an added or deleted source as a change, but not a test or a note", () => {
    const snapshot = snapshotSources(root);
    build();
    recordBuild(root, snapshot);
    write("lib/sync/rules/x.test.ts", "test");
    write("lib/sync/README.md", "# notes");
    expect(checkBuildFreshness(root)).toEqual({ fresh: true });
    rmSync(path.join(root, "lib/sync/rules/x.ts"));
    const out = checkBuildFreshness(root);
    expect(!out.fresh && out.reason).toContain("lib/sync/rules/x.ts");
  });

  it("a build made outside npm start is kept unless a source is newer than it", () => {
    build();
    const old = new Date(Date.now() - 60_000);
    for (const f of ["app/page.tsx", "package-lock.json", "lib/sync/rules/x.ts"])
      utimesSync(path.join(root, f), old, old);
    expect(checkBuildFreshness(root)).toEqual({ fresh: true });
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, "app/page.tsx"), later, later);
    const out = checkBuildFreshness(root);
    expect(!out.fresh && out.reason).toContain("1 source file(s) are newer than it (app/page.tsx)");
  });
});
