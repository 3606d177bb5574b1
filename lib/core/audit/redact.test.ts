import { describe, expect, it } from "vitest";
import { redact } from "./record-audit";

describe("redact", () => {
  it("hides secret-looking fields at any depth and keeps the rest", () => {
    expect(
      redact({
        name: "WeCom",
        config: { corpId: "ww1", corpSecret: "s", nested: [{ password: "p", ok: 1 }] },
        hash: "h",
        apiKey: "k",
      }),
    ).toEqual({
      name: "WeCom",
      config: {
        corpId: "ww1",
        corpSecret: "[redacted]",
        nested: [{ password: "[redacted]", ok: 1 }],
      },
      hash: "[redacted]",
      apiKey: "[redacted]",
    });
  });
  it("keeps identifiers named key, redacts credential keys", () => {
    expect(
      redact({
        key: "birthday",
        idempotencyKey: "k-1",
        privateKey: "p",
        signing_key: "s",
        eventKey: "e",
      }),
    ).toEqual({
      key: "birthday",
      idempotencyKey: "k-1",
      privateKey: "[redacted]",
      signing_key: "[redacted]",
      eventKey: "[redacted]",
    });
  });
  it("turns bigints into strings so JSON can hold them", () => {
    expect(redact({ version: 3n })).toEqual({ version: "3" });
  });
});
