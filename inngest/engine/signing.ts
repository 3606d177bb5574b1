import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";

// Mirrors node_modules/inngest/helpers/{net,strings}.ts: the SDK verifies
// HMAC-SHA256(key = signing key without its "signkey-<env>-" prefix, used as
// UTF-8 text) over canonical JSON (RFC 8785) of the parsed body + the timestamp.

const PREFIX = /^signkey-[\w]+-/;

/** The signing key without its `signkey-<env>-` prefix. */
export function stripSigningKeyPrefix(signingKey: string): string {
  return signingKey.replace(PREFIX, "");
}

/** What the SDK sends as `Authorization: Bearer …` (prefix kept, sha256 of the hex-decoded key). */
export function hashSigningKey(signingKey: string): string {
  const prefix = signingKey.match(PREFIX)?.[0] ?? "";
  const key = stripSigningKeyPrefix(signingKey);
  return `${prefix}${createHash("sha256").update(Buffer.from(key, "hex")).digest("hex")}`;
}

/**
 * RFC 8785 canonical JSON of what the SDK will parse from the body. The SDK verifies
 * canonicalize(JSON.parse(body)), so the value first takes its JSON form (undefined dropped or null,
 * NaN → null, toJSON applied), which the package would otherwise refuse.
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(JSON.parse(JSON.stringify(value) ?? "null")) ?? "null";
}

/** `X-Inngest-Signature` value for a canonical body string. */
export function signBody(canonicalBody: string, signingKey: string, nowMs = Date.now()): string {
  const ts = Math.round(nowMs / 1000).toString();
  const mac = createHmac("sha256", stripSigningKeyPrefix(signingKey))
    .update(canonicalBody + ts)
    .digest("hex");
  return `t=${ts}&s=${mac}`;
}

/** Verifies an `X-Inngest-Signature` over a raw body string (used for SDK response checks and tests). */
export function verifySignature(
  body: string,
  header: string,
  signingKey: string,
  nowMs = Date.now(),
): boolean {
  const params = new URLSearchParams(header);
  const ts = params.get("t");
  const sig = params.get("s");
  if (!ts || !sig) return false;
  if (Math.abs(nowMs - Number(ts) * 1000) > 5 * 60 * 1000) return false;
  const expected = createHmac("sha256", stripSigningKeyPrefix(signingKey))
    .update(body + ts)
    .digest("hex");
  return expected.length === sig.length && timingSafeEqual(Buffer.from(expected), Buffer.from(sig));
}

/** True when an `Authorization` header carries the hashed signing key (register / checkpoint / API calls). */
export function isAuthorized(authorization: string | undefined, signingKey: string): boolean {
  if (!authorization?.startsWith("Bearer ")) return false;
  const got = authorization.slice("Bearer ".length).trim();
  const want = hashSigningKey(signingKey);
  return got.length === want.length && timingSafeEqual(Buffer.from(got), Buffer.from(want));
}
