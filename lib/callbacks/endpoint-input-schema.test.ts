import { describe, expect, it } from "vitest";
import {
  customHeaderNameProblem,
  endpointInputSchema,
  rotateSecretSchema,
} from "./endpoint-input-schema";
import { allowListEntryProblem, callbackNetworkPolicySchema } from "./network-policy-schema";

const valid = {
  name: "OA 系统",
  url: "https://oa.example.com/hooks",
  eventTypes: ["learning.exam.passed"],
};
const firstIssue = (input: unknown) => {
  const r = endpointInputSchema.safeParse(input);
  return r.success
    ? null
    : { path: r.error.issues[0].path.join("."), message: r.error.issues[0].message };
};

describe("endpointInputSchema", () => {
  it("fills the defaults: enabled, 3 retries on the default schedule, no private networks, no headers", () => {
    expect(endpointInputSchema.parse(valid)).toEqual({
      ...valid,
      enabled: true,
      headers: {},
      maxRetries: 3,
      retrySchedule: "default",
      allowPrivate: false,
    });
  });

  it("dedupes event types", () => {
    expect(
      endpointInputSchema.parse({ ...valid, eventTypes: ["sync.completed", "sync.completed"] })
        .eventTypes,
    ).toEqual(["sync.completed"]);
  });

  it.each([
    ["empty name", { name: " " }, "name"],
    ["relative URL", { url: "/hooks" }, "url"],
    ["no event type", { eventTypes: [] }, "eventTypes"],
    ["unknown event type", { eventTypes: ["learning.exam.failed"] }, "eventTypes.0"],
    ["11 retries", { maxRetries: 11 }, "maxRetries"],
    ["negative retries", { maxRetries: -1 }, "maxRetries"],
    ["fractional retries", { maxRetries: 1.5 }, "maxRetries"],
    ["unknown schedule", { retrySchedule: "fast" }, "retrySchedule"],
    ["zero rate limit", { rateLimitPerSecond: 0 }, "rateLimitPerSecond"],
    ["webhook-* header", { headers: { "webhook-id": "x" } }, "headers.webhook-id"],
    [
      "hop-by-hop header",
      { headers: { "Transfer-Encoding": "chunked" } },
      "headers.Transfer-Encoding",
    ],
    ["Host header", { headers: { host: "evil" } }, "headers.host"],
    ["header with a space", { headers: { "x key": "v" } }, "headers.x key"],
    ["header value with a newline", { headers: { "x-key": "a\r\nInjected: 1" } }, "headers.x-key"],
  ])("refuses %s, naming the field", (_label, patch, path) => {
    expect(firstIssue({ ...valid, ...patch })?.path).toBe(path);
  });

  it("accepts safe custom headers and a rate limit", () => {
    const parsed = endpointInputSchema.parse({
      ...valid,
      headers: { Authorization: "Bearer t", "X-Tenant": "acme" },
      rateLimitPerSecond: 50,
    });
    expect(parsed.headers).toEqual({ Authorization: "Bearer t", "X-Tenant": "acme" });
    expect(parsed.rateLimitPerSecond).toBe(50);
  });

  it.each([
    ["x-api-key", null],
    ["Webhook-Signature", /reserved/],
    ["Content-Length", /cannot be overridden/],
    ["Keep-Alive", /cannot be overridden/],
    ["bad:name", /not a valid header name/],
  ])("customHeaderNameProblem(%s)", (name, expected) => {
    const problem = customHeaderNameProblem(name);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe("rotateSecretSchema", () => {
  it("defaults to a 24 h overlap and bounds it to a week", () => {
    expect(rotateSecretSchema.parse({})).toEqual({ overlapHours: 24 });
    expect(rotateSecretSchema.safeParse({ overlapHours: 169 }).success).toBe(false);
    expect(rotateSecretSchema.safeParse({ overlapHours: -1 }).success).toBe(false);
  });
});

describe("callbackNetworkPolicySchema", () => {
  it.each([
    ["oa.internal.example.com", null],
    ["127.0.0.1", null],
    ["10.20.0.0/16", null],
    ["fd00::/8", null],
    ["[::1]", null],
    ["10.0.0.0/33", /CIDR/],
    ["0x7f.1", /neither|dotted/],
    ["oa.example.com.", /ends with a dot/],
    ["bad host!", /neither/],
    ["127.0.0.1:4010", null],
    ["[::1]:4010", null],
    ["oa.example.com:8443", null],
    ["127.0.0.1:99999", /port/],
    ["169.254.169.254", /metadata/],
    ["100.100.100.200:80", /metadata/],
    ["[fd00:ec2::254]", /metadata/],
    ["metadata.google.internal", /metadata/],
  ])("allowListEntryProblem(%s)", (entry, expected) => {
    const problem = allowListEntryProblem(entry);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it("lower-cases and dedupes entries, names the bad one by index, defaults allowHttp off", () => {
    expect(
      callbackNetworkPolicySchema.parse({ allowList: ["OA.Example.com", "oa.example.com"] }),
    ).toEqual({ allowList: ["oa.example.com"], allowHttp: false });
    const r = callbackNetworkPolicySchema.safeParse({
      allowList: ["10.0.0.1", "nope nope"],
      allowHttp: true,
    });
    expect(r.success ? null : r.error.issues[0].path).toEqual(["allowList", 1]);
  });
});
