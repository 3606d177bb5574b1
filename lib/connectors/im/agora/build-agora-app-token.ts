import { createHmac, randomInt } from "node:crypto";
import { deflateSync } from "node:zlib";

export type BuildAgoraAppTokenOptions = {
  appId: string;
  appCertificate: string;
  /** Lifetime in seconds (Agora allows up to 24 h). */
  expireSeconds: number;
  /** Issue time, epoch seconds (tests pin it). */
  issuedAt?: number;
  /** Random salt 1..99999999 (tests pin it). */
  salt?: number;
};

const u16 = (v: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return b;
};
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};
const bytes = (b: Buffer) => Buffer.concat([u16(b.length), b]);
const str = (s: string) => bytes(Buffer.from(s, "utf8"));
const hmac = (key: Buffer, message: Buffer) => createHmac("sha256", key).update(message).digest();

const CHAT_SERVICE = 5;
const PRIVILEGE_CHAT_APP = 2;

/**
 * Agora Chat app token ("007" AccessToken2 with the Chat service, app privilege), minted locally from the
 * app id and certificate, following AgoraIO/Tools' reference builder. Agora has no Node server SDK.
 */
export function buildAgoraAppToken(options: BuildAgoraAppTokenOptions): string {
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1_000);
  const salt = options.salt ?? randomInt(1, 99_999_999);
  const signingKey = hmac(
    u32(salt),
    hmac(u32(issuedAt), Buffer.from(options.appCertificate, "utf8")),
  );
  const service = Buffer.concat([
    u16(CHAT_SERVICE),
    u16(1),
    u16(PRIVILEGE_CHAT_APP),
    u32(options.expireSeconds),
    str(""),
  ]);
  const signingInfo = Buffer.concat([
    str(options.appId),
    u32(issuedAt),
    u32(options.expireSeconds),
    u32(salt),
    u16(1),
    service,
  ]);
  const signature = hmac(signingKey, signingInfo);
  return `007${deflateSync(Buffer.concat([bytes(signature), signingInfo])).toString("base64")}`;
}
