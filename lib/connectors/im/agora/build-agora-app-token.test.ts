import { createHmac } from "node:crypto";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildAgoraAppToken } from "./build-agora-app-token";

const appId = "970CA35de60c44645bbae8a215061b33";
const appCertificate = "5CFd2fd1755d40ecb72977518be15d3b";

/** Independent reader for the 007 layout: signature, then signing info (appId, issueTs, expire, salt, services). */
function parse(token: string) {
  const buf = inflateSync(Buffer.from(token.slice(3), "base64"));
  let at = 0;
  const u16 = () => buf.readUInt16LE((at += 2) - 2);
  const u32 = () => buf.readUInt32LE((at += 4) - 4);
  const bytes = () => {
    const n = u16();
    return buf.subarray(at, (at += n));
  };
  const signature = bytes();
  const info = buf.subarray(at);
  const out = {
    signature,
    info,
    appId: bytes().toString(),
    issueTs: u32(),
    expire: u32(),
    salt: u32(),
    services: u16(),
    type: u16(),
    privileges: u16(),
    privilege: u16(),
    privilegeExpire: u32(),
    userId: bytes().toString(),
  };
  return out;
}

/** Agora's check: HMAC(HMAC(HMAC(certificate, issueTs), salt), signing info) must equal the signature. */
function signedWithCertificate(t: ReturnType<typeof parse>, certificate: string) {
  const ts = Buffer.alloc(4);
  ts.writeUInt32LE(t.issueTs);
  const salt = Buffer.alloc(4);
  salt.writeUInt32LE(t.salt);
  const key = createHmac("sha256", salt)
    .update(createHmac("sha256", ts).update(certificate).digest())
    .digest();
  return createHmac("sha256", key).update(t.info).digest().equals(t.signature);
}

// agora-token stamps the current time and a random salt and takes neither as input, so the token is
// checked by decoding it and verifying its signature with the issue time and salt it carries.
describe("buildAgoraAppToken", () => {
  it("packs the Chat app privilege into a signed 007 token", () => {
    const before = Math.floor(Date.now() / 1_000);
    const token = buildAgoraAppToken({ appId, appCertificate, expireSeconds: 86_400 });
    const after = Math.ceil(Date.now() / 1_000);
    expect(token.startsWith("007")).toBe(true);
    const t = parse(token);
    expect(t).toMatchObject({
      appId,
      expire: 86_400,
      services: 1,
      type: 5,
      privileges: 1,
      privilege: 2,
      privilegeExpire: 86_400,
      userId: "",
    });
    expect(t.issueTs).toBeGreaterThanOrEqual(before);
    expect(t.issueTs).toBeLessThanOrEqual(after);
    expect(t.salt).toBeGreaterThanOrEqual(1);
    expect(t.salt).toBeLessThanOrEqual(99_999_999);
    expect(signedWithCertificate(t, appCertificate)).toBe(true);
    expect(signedWithCertificate(t, "0".repeat(32))).toBe(false);
  });

  it("differs per salt", () => {
    const a = buildAgoraAppToken({ appId, appCertificate, expireSeconds: 60 });
    const b = buildAgoraAppToken({ appId, appCertificate, expireSeconds: 60 });
    expect(parse(a).salt).not.toBe(parse(b).salt);
    expect(a).not.toBe(b);
  });

  it("refuses an app id or certificate that is not 32 hex digits", () => {
    expect(() =>
      buildAgoraAppToken({ appId: "not-an-app-id", appCertificate, expireSeconds: 60 }),
    ).toThrow(/32 hex digits/);
    expect(() => buildAgoraAppToken({ appId, appCertificate: "short", expireSeconds: 60 })).toThrow(
      /32 hex digits/,
    );
  });
});
