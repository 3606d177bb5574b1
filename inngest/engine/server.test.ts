import { describe, expect, test } from "vitest";
import { parseEvents } from "./server";

describe("parseEvents", () => {
  test("one object or an array; ids, ts and data defaulted", () => {
    const [e] = parseEvents({ name: "hr/hired", data: { id: 1 } }, 1234);
    expect(e).toMatchObject({ name: "hr/hired", data: { id: 1 }, ts: 1234 });
    expect(e.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const two = parseEvents([{ name: "a" }, { name: "b", id: "given", ts: 99, user: { u: 1 } }], 1);
    expect(two.map((x) => [x.name, x.data, x.ts])).toEqual([
      ["a", {}, 1],
      ["b", {}, 99],
    ]);
    expect(two[1]).toMatchObject({ id: "given", user: { u: 1 } });
    expect(parseEvents([])).toEqual([]);
  });

  test.each([
    null,
    "text",
    5,
    {},
    { name: "" },
    { name: 5 },
    { name: "x", data: "s" },
    { name: "x", data: [1] },
    [{ name: "ok" }, {}],
    { name: "x", ts: -1 },
  ])("rejects %j", (body) => {
    expect(() => parseEvents(body)).toThrow(/event \d+:/);
  });

  test.each([
    [{ name: "a\u0000" }, "event 0: name: contains NUL"],
    [[{ name: "ok" }, { name: "x", data: { a: "\u0000" } }], "event 1: data.a: contains NUL"],
    [{ name: "x", user: { ["k\u0000"]: 1 } }, 'event 0: user["k\\u0000"]: the key contains NUL'],
    [{ name: "x", id: "id\ud800" }, "event 0: id: contains a lone UTF-16 surrogate"],
  ])("refuses text PostgreSQL cannot store: %j", (body, message) => {
    expect(() => parseEvents(body)).toThrow(message);
  });
});
