import { describe, expect, it } from "vitest";
import { maskHeaders } from "./mask-headers";
import { truncateBody } from "./truncate-body";

describe("maskHeaders", () => {
  it.each<[string, Record<string, string | string[] | number>, Record<string, string>, string[]?]>([
    ["bearer token", { Authorization: "Bearer abc.def.ghi" }, { authorization: "Bearer ••••" }],
    ["basic", { authorization: "Basic dXNlcjpwYXNz" }, { authorization: "Basic ••••" }],
    ["bare token", { authorization: "abcdef" }, { authorization: "••••" }],
    ["cookie", { Cookie: "sid=1; x=2" }, { cookie: "••••" }],
    ["set-cookie list", { "set-cookie": ["a=1", "b=2"] }, { "set-cookie": "••••" }],
    ["x-api-key", { "X-Api-Key": "k-123" }, { "x-api-key": "••••" }],
    [
      "one signature",
      { "webhook-signature": "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=" },
      { "webhook-signature": "v1,K5oZfz••••" },
    ],
    [
      "two signatures",
      { "webhook-signature": "v1,AAAAAAAAAAAA v1,BBBBBBBBBBBB" },
      { "webhook-signature": "v1,AAAAAA•••• v1,BBBBBB••••" },
    ],
    ["malformed signature", { "webhook-signature": "garbage" }, { "webhook-signature": "••••" }],
    [
      "custom secret header",
      { "X-Partner-Token": "s3cr3t", "X-Trace": "t1" },
      { "x-partner-token": "••••", "x-trace": "t1" },
      ["x-partner-token"],
    ],
    [
      "custom secret, case-insensitive",
      { "x-partner-token": "s3cr3t" },
      { "x-partner-token": "••••" },
      ["X-Partner-Token"],
    ],
    [
      "public headers kept",
      { "webhook-id": "evt_1", "webhook-timestamp": "1700000000", "content-length": 12 },
      { "webhook-id": "evt_1", "webhook-timestamp": "1700000000", "content-length": "12" },
    ],
  ])("%s", (_name, headers, expected, secretHeaders) => {
    expect(maskHeaders(headers, { secretHeaders })).toEqual(expected);
  });

  it("never leaks the secret value anywhere in the output", () => {
    const out = JSON.stringify(
      maskHeaders(
        { authorization: "Bearer SECRETVALUE", "x-k": "SECRETVALUE" },
        { secretHeaders: ["x-k"] },
      ),
    );
    expect(out).not.toContain("SECRETVALUE");
  });
});

describe("truncateBody", () => {
  it.each<[string, string, number, string, boolean]>([
    ["short ASCII", "hello", 4096, "hello", false],
    ["exact fit", "abcd", 4, "abcd", false],
    ["ASCII cut", "abcdef", 4, "abcd", true],
    ["Chinese (3 bytes) cut inside a character", "回调成功", 7, "回调", true],
    ["Chinese cut on a boundary", "回调成功", 6, "回调", true],
    ["Chinese one byte short", "回调成功", 11, "回调成", true],
    ["emoji (4 bytes) cut inside", "ok😀", 5, "ok", true],
    ["emoji fits", "ok😀", 6, "ok😀", false],
    ["two-byte é cut inside", "éé", 3, "é", true],
    ["zero bytes", "abc", 0, "", true],
  ])("%s", (_name, body, maxBytes, text, truncated) => {
    const result = truncateBody(body, { maxBytes });
    expect(result).toEqual({ text, truncated, bytes: Buffer.byteLength(body) });
    expect(Buffer.byteLength(result.text)).toBeLessThanOrEqual(maxBytes);
  });

  it("defaults to 4 KB and accepts bytes", () => {
    const big = new TextEncoder().encode("数".repeat(3000));
    const result = truncateBody(big);
    expect(result.truncated).toBe(true);
    expect(Buffer.byteLength(result.text)).toBe(4095);
    expect(result.text).not.toContain("\uFFFD");
  });

  it("cuts every position of a mixed string cleanly", () => {
    const body = "a回😀é".repeat(50);
    for (let max = 0; max < Buffer.byteLength(body); max++) {
      const { text } = truncateBody(body, { maxBytes: max });
      expect(body.startsWith(text)).toBe(true);
      expect(Buffer.byteLength(text)).toBeGreaterThan(max - 4);
    }
  });
});
