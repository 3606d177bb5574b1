import { describe, expect, it } from "vitest";
import { renderGroupName } from "./render-group-name";
import { validateNamingTemplate } from "./validate-naming-template";

const unit = { code: "RD-FE", name: "前端组", nameEn: "Frontend" };
const path = ["总部", "研发中心", "前端组"];

describe("renderGroupName", () => {
  it.each([
    ["{name}", "前端组"],
    ["{nameEn}", "Frontend"],
    ["{code}", "RD-FE"],
    ["{path}", "总部 / 研发中心 / 前端组"],
    ["{code}-{name}", "RD-FE-前端组"],
    ["Team {name} ({code})", "Team 前端组 (RD-FE)"],
    ["  {name}  ", "前端组"],
  ])("renders %s → %s", (template, expected) => {
    expect(renderGroupName({ template, unit, path })).toEqual({ ok: true, name: expected });
  });

  it("falls back to the main name when the unit has no English name", () => {
    expect(
      renderGroupName({ template: "{nameEn}", unit: { code: "X", name: "销售" }, path: [] }),
    ).toEqual({
      ok: true,
      name: "销售",
    });
  });

  it.each([
    ["{title}", "unknown_placeholder"],
    ["{Name}", "unknown_placeholder"],
    ["{name", "unbalanced_braces"],
    ["name}", "unbalanced_braces"],
    ["}{name}", "unbalanced_braces"],
    ["{{name}}", "unbalanced_braces"],
    ["", "empty"],
    ["   ", "empty"],
  ])("rejects template %j (%s)", (template, error) => {
    expect(renderGroupName({ template, unit, path })).toMatchObject({ ok: false, error });
  });

  it.each([
    ["a".repeat(64), true],
    ["a".repeat(65), false],
    ["部".repeat(64), true],
    ["部".repeat(65), false],
    ["😀".repeat(64), true],
  ])("length limit counts code points (%#)", (name, ok) => {
    const result = renderGroupName({ template: "{name}", unit: { code: "X", name }, path: [] });
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.error).toBe("too_long");
  });

  it.each(["\\", ":", "*", "?", '"', "<", ">", "|", "｜"])(
    "rejects forbidden character %s",
    (ch) => {
      const result = renderGroupName({
        template: "{name}",
        unit: { code: "X", name: `A${ch}B` },
        path: [],
      });
      expect(result).toMatchObject({ ok: false, error: "forbidden_char" });
    },
  );

  it("a rendered {path} over the limit is too long", () => {
    const deep = Array.from({ length: 10 }, (_, i) => `Department ${i}`);
    expect(renderGroupName({ template: "{path}", unit, path: deep })).toMatchObject({
      ok: false,
      error: "too_long",
    });
  });

  it("accepts rules from the connection", () => {
    const rules = { maxLength: 5, forbiddenChars: "#" };
    expect(
      renderGroupName({ template: "{name}", unit: { code: "X", name: "A:B" }, path: [], rules }),
    ).toEqual({
      ok: true,
      name: "A:B",
    });
    expect(
      renderGroupName({ template: "{name}", unit: { code: "X", name: "A#B" }, path: [], rules }),
    ).toMatchObject({
      ok: false,
      error: "forbidden_char",
    });
  });
});

describe("validateNamingTemplate", () => {
  it.each([
    ["{code}-{name}", null],
    ["{path}", null],
    ["{foo}", "Unknown placeholder {foo}; use {name}, {nameEn}, {code}, {path}."],
  ])("%s", (template, expected) => {
    expect(validateNamingTemplate(template)).toBe(expected);
  });
});
