import { createHash, createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  canonicalJson,
  hashSigningKey,
  isAuthorized,
  signBody,
  stripSigningKeyPrefix,
  verifySignature,
} from "./signing";

const KEY = `signkey-prod-${"0a1b".repeat(16)}`;

describe("canonicalJson", () => {
  test.each<[unknown, string]>([
    [{ b: 1, a: [3, { d: null, c: "x" }] }, '{"a":[3,{"c":"x","d":null}],"b":1}'],
    [{ u: undefined, n: 1.5e21, s: "é\n" }, '{"n":1.5e+21,"s":"é\\n"}'],
    [[undefined, NaN], "[null,null]"],
    ["str", '"str"'],
    [null, "null"],
  ])("%j", (value, want) => {
    expect(canonicalJson(value)).toBe(want);
  });
});

describe("signatures", () => {
  test("HMAC-SHA256 over body + timestamp with the unprefixed key as text (as the SDK verifies)", () => {
    const body = '{"a":1}';
    const sig = signBody(body, KEY, 1_700_000_000_000);
    const mac = createHmac("sha256", "0a1b".repeat(16)).update(`${body}1700000000`).digest("hex");
    expect(sig).toBe(`t=1700000000&s=${mac}`);
    expect(verifySignature(body, sig, KEY, 1_700_000_100_000)).toBe(true);
    expect(verifySignature(`${body} `, sig, KEY, 1_700_000_100_000)).toBe(false);
    expect(verifySignature(body, sig, KEY, 1_700_001_000_000)).toBe(false); // older than 5 minutes
  });

  test("hashed key keeps the prefix and hashes the hex-decoded key", () => {
    const want = `signkey-prod-${createHash("sha256")
      .update(Buffer.from("0a1b".repeat(16), "hex"))
      .digest("hex")}`;
    expect(hashSigningKey(KEY)).toBe(want);
    expect(stripSigningKeyPrefix(KEY)).toBe("0a1b".repeat(16));
    expect(isAuthorized(`Bearer ${want}`, KEY)).toBe(true);
    expect(isAuthorized(`Bearer ${KEY}`, KEY)).toBe(false);
    expect(isAuthorized(undefined, KEY)).toBe(false);
  });
});
