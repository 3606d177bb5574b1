import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it.each([
    [undefined, "zh-CN"],
    ["", "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["zh-TW,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["fr-FR,en;q=0.5,zh;q=0.4", "en"],
    ["fr-FR,de;q=0.8", "zh-CN"],
    ["en;q=0.2,zh-CN;q=0.9", "zh-CN"],
    ["zh;q=0,en", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
