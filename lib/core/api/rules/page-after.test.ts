import { describe, expect, it } from "vitest";
import { pageAfter } from "./page-after";

const items = ["c", "a", "e", "b", "d"].map((id) => ({ id }));

describe("pageAfter", () => {
  it("walks every item once, in id order, across pages", () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = pageAfter(items, cursor, 2);
      seen.push(...page.items.map((x) => x.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(["a", "b", "c", "d", "e"]);
  });

  it.each([
    [undefined, 5, ["a", "b", "c", "d", "e"], null],
    [undefined, 2, ["a", "b"], "b"],
    ["c", 10, ["d", "e"], null],
    ["e", 10, [], null],
    ["zzz", 10, [], null],
  ] as const)("after %s, limit %i", (cursor, limit, ids, next) => {
    const page = pageAfter(items, cursor, limit);
    expect([page.items.map((x) => x.id), page.nextCursor]).toEqual([ids, next]);
  });
});
