// The functions worker's handler (serveNode) between the real embedded executor and the real SDK:
// runs complete with every step body run once, registration must be signed, and bodies the SDK
// cannot parse are refused with a 4xx before it sees them.
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  appSynced,
  db,
  postEvent,
  runsEnded,
  startTestStack,
  type TestStack,
} from "./engine/conformance-test-env";
import { signBody } from "./engine/signing";

const APP_ID = "serve-node-test";
const OTHER_KEY = `signkey-test-${"3c".repeat(32)}`;
const executed: Record<string, number> = {};

describe("serveNode (the functions worker's handler)", () => {
  let stack: TestStack;
  let appUrl: string;

  beforeAll(async () => {
    stack = await startTestStack({
      guarded: true,
      apps: () => {
        const client = new Inngest({ id: APP_ID });
        const steps = client.createFunction(
          { id: "three-steps", triggers: { event: "test/serve-node" } },
          async ({ event, step }) => {
            const n = Number(event.data.n);
            const count = (name: string) => {
              const key = `${n}:${name}`;
              executed[key] = (executed[key] ?? 0) + 1;
            };
            const a = await step.run("a", () => (count("a"), n + 1));
            const b = await step.run("b", () => (count("b"), a * 2));
            return step.run("c", () => (count("c"), `${n}→${b}`));
          },
        );
        return [{ client, functions: [steps] }];
      },
    });
    appUrl = stack.appUrls[0];
    await appSynced(APP_ID, 1);
  });

  afterAll(async () => {
    await stack?.stop();
    await db.jobFunction.deleteMany({ where: { appId: APP_ID } });
  });

  test("runs complete through it, each step body run exactly once", async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        postEvent(stack.executors[0].url, "test/serve-node", { n }),
      ),
    );
    const runs = await runsEnded(ids);
    expect(runs.map((r) => r.status)).toEqual(Array(20).fill("COMPLETED"));
    const done = await db.jobRun.findMany({
      where: { eventId: { in: ids } },
      select: { output: true },
    });
    expect(done.map((r) => r.output).sort()).toEqual(
      Array.from({ length: 20 }, (_, n) => `${n}→${(n + 1) * 2}`).sort(),
    );
    for (let n = 0; n < 20; n++)
      for (const name of ["a", "b", "c"]) expect(executed[`${n}:${name}`]).toBe(1);
  });

  test("a registration not signed with the signing key is refused", async () => {
    const body = JSON.stringify({ url: "http://attacker.example/api/inngest" });
    const unsigned = await fetch(appUrl, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band" },
      body,
    });
    expect(unsigned.status).toBe(401);
    expect(JSON.stringify(await unsigned.json())).toMatch(/signed/);
    const otherKey = await fetch(appUrl, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        "x-inngest-sync-kind": "in_band",
        "x-inngest-signature": signBody(body, OTHER_KEY),
      },
      body,
    });
    expect(otherKey.status).toBe(401);
    const row = await db.jobFunction.findFirstOrThrow({ where: { appId: APP_ID } });
    expect(row.appUrl).toBe(appUrl);
  });

  test("the executor's own signed sync registers it", async () => {
    await db.jobFunction.updateMany({
      where: { appId: APP_ID },
      data: { url: "http://stale.invalid/" },
    });
    await stack.executors[0].sync();
    const row = await db.jobFunction.findFirstOrThrow({ where: { appId: APP_ID } });
    expect(row.url.startsWith(appUrl)).toBe(true);
  });

  test("bodies that are not JSON, not UTF-8 or too large get a 4xx, not a 500", async () => {
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      fetch(`${appUrl}?fnId=${APP_ID}-three-steps&stepId=step`, { method: "POST", body, headers });
    const notJson = await post("{");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: "bad_json" } });
    const notUtf8 = await post(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(notUtf8.status).toBe(400);
    expect(await notUtf8.json()).toMatchObject({ error: { code: "invalid_utf8" } });
    const huge = await post("x".repeat(16 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: "too_large" } });
    // Parsable but unsigned: the SDK itself refuses it (cloud mode verifies every call).
    const unsigned = await post(JSON.stringify({ event: {}, events: [], steps: {}, ctx: {} }), {
      "content-type": "application/json",
    });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(unsigned.status).toBeLessThan(500);
  });
});
