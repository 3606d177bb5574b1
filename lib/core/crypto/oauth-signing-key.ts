import { envSection } from "@/lib/core/env";

/** The HMAC key for OAuth access tokens, or null when ORGBRIDGE_OAUTH_SIGNING_KEY is not set. */
export function oauthSigningKey(): Uint8Array | null {
  const { ORGBRIDGE_OAUTH_SIGNING_KEY } = envSection("oauth");
  return ORGBRIDGE_OAUTH_SIGNING_KEY
    ? new Uint8Array(Buffer.from(ORGBRIDGE_OAUTH_SIGNING_KEY, "base64"))
    : null;
}
