// The events API (POST /e/:key) on a real PostgreSQL: text that jsonb or text columns cannot hold
// (NUL, lone surrogates) is a 400 naming the event and the field, and nothing of the batch is stored.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db, EVENT_KEY, startTestStack, type TestStack } from "./conformance-test-env";

const PREFIX = "intake-text-";

let stack: TestStack;
const logs: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ apps: () => [], log: (l) => logs.push(l) });
});

afterAll(async () => {
  await stack?.stop();
  await db.jobEvent.deleteMany({ where: { id: { startsWith: PREFIX } } });
  await db.$disconnect();
});

/** Posts a body whose JSON text JSON.stringify writes (NUL as \u0000, lone surrogates as \udXXX). */
async function post(body: unknown): Promise<{ status: number; error?: string }> {
  const res = await fetch(`${stack.executors[0].url}/e/${EVENT_KEY}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { error?: string };
  return { status: res.status, error: json.error };
}

const stored = () => db.jobEvent.count({ where: { id: { startsWith: PREFIX } } });

describe("POST /e/:key with text PostgreSQL cannot store", () => {
  test.each([
    [
      "NUL in a data string",
      { name: "t/x", data: { note: "a\u0000b" } },
      "event 0: data.note: contains NUL",
    ],
    [
      "NUL in a data key",
      { name: "t/x", data: { ["k\u0000"]: 1 } },
      'event 0: data["k\\u0000"]: the key contains NUL',
    ],
    [
      "NUL deep in user",
      { name: "t/x", user: { a: [{ b: "\u0000" }] } },
      "event 0: user.a[0].b: contains NUL",
    ],
    ["NUL in the name", { name: "t/\u0000" }, "event 0: name: contains NUL"],
    [
      "a lone surrogate in data",
      { name: "t/x", data: { s: "\ud800" } },
      "event 0: data.s: contains a lone UTF-16 surrogate",
    ],
    [
      "a lone surrogate in a key",
      { name: "t/x", data: { ["\udc01"]: "v" } },
      'event 0: data["\\udc01"]: the key contains a lone UTF-16 surrogate',
    ],
  ])("%s: 400 naming it, nothing stored", async (what, event, message) => {
    const res = await post({ ...event, id: `${PREFIX}${what}` });
    expect(res.status).toBe(400);
    expect(res.error).toContain(message);
    expect(await stored()).toBe(0);
  });

  test("a body over the 3 MB limit gets 413 naming the limit, nothing stored", async () => {
    const res = await post({
      name: "t/x",
      id: `${PREFIX}huge`,
      data: { s: "x".repeat(3 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.error).toMatch(/larger than the limit of 3145728 bytes/);
    expect(await stored()).toBe(0);
  });

  test("one bad event refuses the whole batch; the good ones are not half-stored", async () => {
    const res = await post([
      { name: "t/x", id: `${PREFIX}good-1`, data: { a: 1 } },
      { name: "t/x", id: `${PREFIX}bad`, data: { a: "\u0000" } },
      { name: "t/x", id: `${PREFIX}good-2` },
    ]);
    expect(res).toMatchObject({ status: 400 });
    expect(res.error).toContain("event 1: data.a: contains NUL");
    expect(await stored()).toBe(0);
    expect(logs.filter((l) => /failed/.test(l))).toEqual([]);
  });

  test("well-formed Unicode (surrogate pairs, CJK, control characters other than NUL) is stored as sent", async () => {
    const data = { emoji: "😀", zh: "研发部", tab: "a\tb\u0001", ["键😀"]: ["\u007f"] };
    const res = await post({ name: "t/x", id: `${PREFIX}ok`, data });
    expect(res.status).toBe(200);
    const row = await db.jobEvent.findUniqueOrThrow({ where: { id: `${PREFIX}ok` } });
    expect(row.data).toEqual(data);
  });
});
