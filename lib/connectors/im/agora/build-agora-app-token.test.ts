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

describe("buildAgoraAppToken", () => {
  it("packs the Chat app privilege into a signed 007 token", () => {
    const token = buildAgoraAppToken({
      appId,
      appCertificate,
      expireSeconds: 86_400,
      issuedAt: 1_700_000_000,
      salt: 12345,
    });
    expect(token.startsWith("007")).toBe(true);
    const t = parse(token);
    expect(t).toMatchObject({
      appId,
      issueTs: 1_700_000_000,
      expire: 86_400,
      salt: 12345,
      services: 1,
      type: 5,
      privileges: 1,
      privilege: 2,
      privilegeExpire: 86_400,
      userId: "",
    });
    const ts = Buffer.alloc(4);
    ts.writeUInt32LE(1_700_000_000);
    const salt = Buffer.alloc(4);
    salt.writeUInt32LE(12345);
    const key = createHmac("sha256", salt)
      .update(createHmac("sha256", ts).update(appCertificate).digest())
      .digest();
    expect(createHmac("sha256", key).update(t.info).digest().equals(t.signature)).toBe(true);
  });

  it("differs per salt", () => {
    const a = buildAgoraAppToken({
      appId,
      appCertificate,
      expireSeconds: 60,
      issuedAt: 1,
      salt: 1,
    });
    const b = buildAgoraAppToken({
      appId,
      appCertificate,
      expireSeconds: 60,
      issuedAt: 1,
      salt: 2,
    });
    expect(a).not.toBe(b);
  });
});
