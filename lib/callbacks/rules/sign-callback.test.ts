import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateSecret } from "./generate-secret";
import { signCallback } from "./sign-callback";

const secret = generateSecret();
const oldSecret = generateSecret({ bytes: 24 });
const event = {
  id: "evt_01J0EXAMPLE",
  type: "learning.exam.passed",
  timestamp: "2026-07-01T08:00:00+08:00",
  data: { employeeNo: "E1001", score: 88, note: "通过 ✅" },
};

/** What a receiver does with the reference library, not our code. */
const receiverVerify = (withSecret: string, body: string, headers: Record<string, string>) =>
  new Webhook(withSecret).verify(body, headers);

describe("signCallback, verified by the standardwebhooks library", () => {
  it("verifies and round-trips the body", () => {
    const signed = signCallback({ ...event, secret });
    expect(receiverVerify(secret, signed.body, signed.headers)).toEqual({
      type: event.type,
      timestamp: event.timestamp,
      data: event.data,
    });
    expect(signed.headers["webhook-id"]).toBe(event.id);
    expect(signed.headers["content-type"]).toBe("application/json");
    expect(signed.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });

  it("accepts a Date timestamp", () => {
    const signed = signCallback({ ...event, timestamp: new Date("2026-07-01T00:00:00Z"), secret });
    expect(JSON.parse(signed.body).timestamp).toBe("2026-07-01T00:00:00.000Z");
  });

  it.each<
    [string, (s: ReturnType<typeof signCallback>) => [string, string, Record<string, string>]]
  >([
    ["tampered body", (s) => [secret, s.body.replace("88", "98"), s.headers]],
    ["wrong secret", (s) => [generateSecret(), s.body, s.headers]],
    ["tampered id", (s) => [secret, s.body, { ...s.headers, "webhook-id": "evt_other" }]],
    [
      "tampered timestamp",
      (s) => [
        secret,
        s.body,
        { ...s.headers, "webhook-timestamp": String(Number(s.headers["webhook-timestamp"]) + 1) },
      ],
    ],
    ["missing signature", (s) => [secret, s.body, { ...s.headers, "webhook-signature": "" }]],
  ])("fails on %s", (_name, tamper) => {
    const [withSecret, body, headers] = tamper(signCallback({ ...event, secret }));
    expect(() => receiverVerify(withSecret, body, headers)).toThrow(WebhookVerificationError);
  });

  it("fails when the timestamp is older than the receiver's 5-minute tolerance", () => {
    const signed = signCallback({ ...event, secret, now: new Date(Date.now() - 10 * 60_000) });
    expect(() => receiverVerify(secret, signed.body, signed.headers)).toThrow(/too old/);
  });

  it("fails when the timestamp is in the future", () => {
    const signed = signCallback({ ...event, secret, now: new Date(Date.now() + 10 * 60_000) });
    expect(() => receiverVerify(secret, signed.body, signed.headers)).toThrow(/too new/);
  });

  it("during rotation sends two signatures; a receiver with either secret verifies", () => {
    const signed = signCallback({
      ...event,
      secret,
      previousSecret: oldSecret,
      previousSecretExpiresAt: new Date(Date.now() + 3_600_000),
    });
    expect(signed.headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(signed.headers["webhook-signature"]).toMatch(/^v1,\S+ v1,\S+$/);
    expect(() => receiverVerify(secret, signed.body, signed.headers)).not.toThrow();
    expect(() => receiverVerify(oldSecret, signed.body, signed.headers)).not.toThrow();
    expect(() => receiverVerify(generateSecret(), signed.body, signed.headers)).toThrow(
      WebhookVerificationError,
    );
  });

  it("drops the previous secret once its overlap has expired", () => {
    const signed = signCallback({
      ...event,
      secret,
      previousSecret: oldSecret,
      previousSecretExpiresAt: new Date(Date.now() - 1000),
    });
    expect(signed.headers["webhook-signature"].split(" ")).toHaveLength(1);
    expect(() => receiverVerify(oldSecret, signed.body, signed.headers)).toThrow(
      WebhookVerificationError,
    );
  });

  it("keeps the previous secret without an expiry", () => {
    const signed = signCallback({
      ...event,
      secret,
      previousSecret: oldSecret,
      previousSecretExpiresAt: null,
    });
    expect(() => receiverVerify(oldSecret, signed.body, signed.headers)).not.toThrow();
  });

  it("adds custom headers but never lets them override the signature headers", () => {
    const signed = signCallback({
      ...event,
      secret,
      headers: { "X-Api-Key": "k", "Webhook-Signature": "v1,forged", "Content-Type": "text/plain" },
    });
    expect(signed.headers["x-api-key"]).toBe("k");
    expect(signed.headers["content-type"]).toBe("application/json");
    expect(() => receiverVerify(secret, signed.body, signed.headers)).not.toThrow();
  });

  it("is deterministic for the same id, time and body", () => {
    const now = new Date();
    expect(signCallback({ ...event, secret, now })).toEqual(
      signCallback({ ...event, secret, now }),
    );
  });
});

describe("generateSecret", () => {
  it.each([24, 28, 32])("makes whsec_ + base64 of %d bytes the library accepts", (bytes) => {
    const s = generateSecret({ bytes });
    expect(s).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(s.slice(6), "base64")).toHaveLength(bytes);
    expect(() => new Webhook(s)).not.toThrow();
  });

  it("defaults to 32 bytes and differs each time", () => {
    expect(Buffer.from(generateSecret().slice(6), "base64")).toHaveLength(32);
    expect(generateSecret()).not.toBe(generateSecret());
  });

  it("uses the injected randomness", () => {
    expect(generateSecret({ bytes: 24, random: (n) => new Uint8Array(n) })).toBe(
      `whsec_${"A".repeat(32)}`,
    );
  });

  it.each([0, 16, 23, 33, 64, 24.5])("rejects %d bytes", (bytes) => {
    expect(() => generateSecret({ bytes })).toThrow(RangeError);
  });
});
