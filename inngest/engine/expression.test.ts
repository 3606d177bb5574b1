import { describe, expect, test } from "vitest";
import {
  compileExpression,
  evaluateKey,
  evaluateValue,
  ExpressionError,
  matchesExpression,
} from "./expression";

const event = {
  name: "hr/employee.moved",
  data: { kind: "vip", score: 12, dept: { code: "FIN" }, tags: ["a", "b"], flag: true, none: null },
};
const async = { name: "hr/approved", data: { kind: "vip", score: 3 } };

describe("matchesExpression", () => {
  test.each([
    ["event.data.kind == 'vip'", true],
    ['event.data.kind == "vip"', true],
    ["event.data.kind != 'vip'", false],
    ["event.data.score >= 10", true],
    ["event.data.score < 10", false],
    ["event.data.score > 11 && event.data.kind == 'vip'", true],
    ["event.data.score > 20 || event.data.dept.code == 'FIN'", true],
    ["event.data.score > 20 || event.data.dept.code == 'HR'", false],
    ["!(event.data.kind == 'std')", true],
    ["event.data.tags[1] == 'b'", true],
    ["event.data['kind'] == 'vip'", true],
    ["event.data.flag == true", true],
    ["event.data.flag", true],
    ["event.data.none == null", true],
    ["event.data.missing == null", false],
    ["event.data.missing != 'x'", true],
    ["event.data.kind == async.data.kind", true],
    ["event.data.score == async.data.score", false],
    ["event.data.score > 'a'", false],
    ["event.data.score == -12 || event.data.score == 12", true],
    ["(event.data.kind == 'vip' || event.data.kind == 'std') && event.data.score > 1", true],
    ["", true],
  ])("%s → %s", (expr, want) => {
    expect(matchesExpression(expr, { event, async })).toBe(want);
  });

  test.each([
    "event.data.kind ==",
    "event.data.kind = 'vip'",
    "size(event.data.tags) > 1",
    "event.data.kind == 'unterminated",
    "event..data",
  ])("invalid %s never matches and fails to compile", (expr) => {
    expect(matchesExpression(expr, { event })).toBe(false);
    expect(() => compileExpression(expr)).toThrow(ExpressionError);
  });
});

describe("evaluateKey", () => {
  test.each([
    ["event.data.dept.code", "FIN"],
    ["event.data.score", "12"],
    ["event.data.missing", null],
    ["event.data.dept", '{"code":"FIN"}'],
    ['"sync-" + event.data.dept.code', "sync-FIN"],
    ['"n-" + event.data.score', "n-12"],
    ['"x-" + event.data.missing', null],
    ["not valid ==", null],
  ])("%s → %s", (expr, want) => {
    expect(evaluateKey(expr, { event })).toBe(want);
  });
});

describe("evaluateValue (priority expressions)", () => {
  test.each([
    ["event.data.score", 12],
    ["event.data.score - 2", 10],
    ["event.data.score + 3 - 1", 14],
    ["event.data.kind == 'vip' ? 300 : 0", 300],
    ["event.data.kind == 'std' ? 300 : -60", -60],
    ["(event.data.score) -2", 10],
    ["event.data.kind - 1", undefined],
    ["event.data.kind ? 1", undefined],
  ])("%s → %s", (expr, want) => {
    expect(evaluateValue(expr, { event })).toBe(want);
  });
});
