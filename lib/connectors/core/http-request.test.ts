import { describe, expect, it } from "vitest";
import { joinUrl, kindForStatus, parseRetryAfter } from "./http-request";
import { truncateUtf8 } from "./truncate-utf8";

describe("parseRetryAfter", () => {
  const now = Date.parse("2024-01-01T00:00:00Z");
  it.each<[Record<string, string>, number | undefined]>([
    [{ "retry-after": "3" }, 3_000],
    [{ "retry-after": "0.5" }, 500],
    [{ "x-ogw-ratelimit-reset": "7" }, 7_000],
    [{ "retry-after": "Mon, 01 Jan 2024 00:00:10 GMT" }, 10_000],
    [{ "retry-after": "soon" }, undefined],
    [{}, undefined],
  ])("%j → %s ms", (headers, ms) => {
    expect(parseRetryAfter(new Headers(headers), now)).toBe(ms);
  });
});

describe("kindForStatus", () => {
  it.each([
    [200, undefined],
    [204, undefined],
    [400, "invalid"],
    [401, "auth"],
    [403, "auth"],
    [404, "not_found"],
    [409, "conflict"],
    [412, "conflict"],
    [422, "invalid"],
    [429, "throttled"],
    [408, "transient"],
    [502, "transient"],
  ])("%i → %s", (status, kind) => expect(kindForStatus(status)).toBe(kind));
});

describe("joinUrl", () => {
  it.each([
    ["https://a/cgi-bin", "/user/get", "https://a/cgi-bin/user/get"],
    ["https://a/cgi-bin/", "user/get", "https://a/cgi-bin/user/get"],
    ["https://a//", "//x", "https://a/x"],
  ])("%s + %s", (base, path, url) => expect(joinUrl(base, path)).toBe(url));
});

describe("truncateUtf8", () => {
  it.each([
    ["abc", 5, "abc", false],
    ["abcdef", 3, "abc", true],
    ["中文字", 7, "中文", true], // 3 bytes each: never split a character
    ["中文字", 9, "中文字", false],
    ["a😀b", 4, "a", true],
  ])("%s @ %i bytes", (text, max, expected, truncated) => {
    expect(truncateUtf8(text, max)).toEqual({ text: expected, truncated });
  });
});
