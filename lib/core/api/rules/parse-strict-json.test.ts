import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, parseStrictJson } from "./parse-strict-json";

const refusal = (text: string) => {
  const r = parseStrictJson(text);
  return r.ok ? { ok: true } : { code: r.code, field: r.field };
};

describe("parseStrictJson", () => {
  it("reads what JSON.parse reads, to the same value", () => {
    for (const text of [
      '{"a":1,"b":[true,false,null,"x\\n\\u00e9\\ud83d\\ude00"],"c":{"d":-1.5e3}}',
      "[]",
      '  "plain"  ',
      "0",
      '{"__proto__":{"polluted":1}}',
    ]) {
      const r = parseStrictJson(text);
      expect(r).toEqual({ ok: true, value: JSON.parse(text) });
    }
  });

  it('keeps "__proto__" as data instead of swapping the prototype', () => {
    const r = parseStrictJson('{"__proto__":{"polluted":1}}');
    if (!r.ok) throw new Error("refused");
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(Object.keys(r.value as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses NUL, control characters and lone surrogates, naming the field path", () => {
    expect(refusal('{"data":{"employeeNo":"E\\u0000"}}')).toEqual({
      code: "bad_text",
      field: "data.employeeNo",
    });
    expect(refusal('{"list":["ok","\\u0007"]}')).toEqual({ code: "bad_text", field: "list.1" });
    expect(refusal('{"id":"\\ud800"}')).toEqual({ code: "bad_text", field: "id" });
    expect(refusal('{"id":"\\udc00x"}')).toEqual({ code: "bad_text", field: "id" });
    expect(refusal('{"id":"x\\ud83d"}')).toEqual({ code: "bad_text", field: "id" });
    expect(refusal('{"ke\\u0000y":1}')).toEqual({ code: "bad_text", field: "ke\u0000y" });
    expect(refusal(`{"id":"\ud800"}`)).toEqual({ code: "bad_text", field: "id" });
  });

  it("refuses a key given twice in one object, naming it", () => {
    expect(refusal('{"a":{"b":1,"b":2}}')).toEqual({ code: "duplicate_key", field: "a.b" });
    expect(refusal('[{"b":1},{"b":2}]')).toEqual({ ok: true });
  });

  it("refuses nesting past the limit without overflowing the stack", () => {
    const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
    expect(refusal(deep(MAX_JSON_DEPTH))).toEqual({ ok: true });
    expect(refusal(deep(MAX_JSON_DEPTH + 1)).code).toBe("too_deep");
    expect(refusal(deep(5000)).code).toBe("too_deep");
    expect(refusal('{"a":'.repeat(5000) + "1" + "}".repeat(5000)).code).toBe("too_deep");
  });

  it("refuses syntax errors JSON.parse refuses", () => {
    for (const text of [
      "",
      "{",
      '{"a":1,}',
      "[1 2]",
      "{'a':1}",
      '"\u0001"',
      "01",
      "NaN",
      '{"a":1} x',
      '"\\x"',
      "1e999",
    ]) {
      expect(refusal(text).code, text).toBe("bad_json");
    }
  });
});
