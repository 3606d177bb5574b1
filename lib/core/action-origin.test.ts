import { describe, expect, test } from "vitest";
import { isSameOriginAction } from "./action-origin";

const h = (init: Record<string, string>) => new Headers(init);

describe("isSameOriginAction", () => {
  test.each([
    ["no Origin", { host: "localhost:3000" }],
    ["Origin null (sandboxed frame, file:)", { host: "localhost:3000", origin: "null" }],
    ["foreign Origin", { host: "localhost:3000", origin: "https://evil.example" }],
    ["same host, other port", { host: "localhost:3000", origin: "http://localhost:3001" }],
    ["lookalike host", { host: "localhost:3000", origin: "http://localhost:3000.evil.example" }],
    ["unreadable Origin", { host: "localhost:3000", origin: "not a url" }],
    ["no Host at all", { origin: "http://localhost:3000" }],
  ])("refuses %s", (_name, headers) => {
    expect(isSameOriginAction(h(headers))).toBe(false);
  });

  test.each([
    ["same origin", { host: "localhost:3000", origin: "http://localhost:3000" }],
    [
      "behind a proxy that sets X-Forwarded-Host",
      {
        host: "127.0.0.1:3000",
        "x-forwarded-host": "orgbridge.example",
        origin: "https://orgbridge.example",
      },
    ],
    ["case-insensitive host", { host: "LocalHost:3000", origin: "http://localhost:3000" }],
  ])("accepts %s", (_name, headers) => {
    expect(isSameOriginAction(h(headers))).toBe(true);
  });
});
