import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecrets, encryptSecrets, needsReencryption } from "./encrypt-secrets";
import { loadSecretKeys } from "./load-secret-keys";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64");

function flip(sealed: string, partIndex: number): string {
  const parts = sealed.split(":");
  const bytes = Buffer.from(parts[partIndex], "base64url");
  bytes[0] ^= 0x01;
  parts[partIndex] = bytes.toString("base64url");
  return parts.join(":");
}

describe("encryptSecrets / decryptSecrets", () => {
  const keys = loadSecretKeys(k1);

  it("round-trips JSON and never contains the plaintext", () => {
    const sealed = encryptSecrets({ corpSecret: "s3cr3t", n: 1 }, { keys });
    expect(sealed).not.toContain("s3cr3t");
    expect(sealed.startsWith(`v1:${keys[0].id}:`)).toBe(true);
    expect(decryptSecrets(sealed, { keys })).toEqual({ corpSecret: "s3cr3t", n: 1 });
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecrets({ a: 1 }, { keys })).not.toBe(encryptSecrets({ a: 1 }, { keys }));
  });

  it.each([
    ["iv", 2],
    ["ciphertext", 3],
    ["tag", 4],
  ])("rejects a tampered %s", (_name, index) => {
    const sealed = encryptSecrets({ a: "b" }, { keys });
    expect(() => decryptSecrets(flip(sealed, index), { keys })).toThrow(/authentication/);
  });

  it("rejects a different aad", () => {
    const sealed = encryptSecrets({ a: "b" }, { keys, aad: "conn_1" });
    expect(decryptSecrets(sealed, { keys, aad: "conn_1" })).toEqual({ a: "b" });
    expect(() => decryptSecrets(sealed, { keys, aad: "conn_2" })).toThrow(/authentication/);
  });

  it("rotates: the first key encrypts, every key decrypts", () => {
    const old = encryptSecrets({ v: "old" }, { keys: loadSecretKeys(k1) });
    const rotated = loadSecretKeys(`${k2},${k1}`);
    expect(decryptSecrets(old, { keys: rotated })).toEqual({ v: "old" });
    expect(needsReencryption(old, rotated)).toBe(true);
    const fresh = encryptSecrets({ v: "new" }, { keys: rotated });
    expect(fresh.split(":")[1]).toBe(rotated[0].id);
    expect(needsReencryption(fresh, rotated)).toBe(false);
    expect(() => decryptSecrets(fresh, { keys: loadSecretKeys(k1) })).toThrow(
      /not in ORGBRIDGE_SECRET_KEY/,
    );
  });

  it.each([
    ["unset", undefined, /not set/],
    ["short key", Buffer.alloc(16).toString("base64"), /expected 32/],
  ])("rejects a bad key list (%s)", (_n, raw, message) => {
    expect(() => loadSecretKeys(raw ?? "")).toThrow(message);
  });

  it("rejects garbage", () => {
    expect(() => decryptSecrets("hello", { keys })).toThrow(/Not an OrgBridge/);
  });
});
