import { textProblem } from "@/lib/core/api/rules/text-problem";
import { OAuthError } from "./oauth-error";

export type TokenRequest = {
  clientId: string;
  clientSecret: string;
  /** The scopes asked for, or null when the request names none (all of the client's). */
  scope: string[] | null;
  /** How the client authenticated: the WWW-Authenticate answer follows it. */
  via: "basic" | "body";
};

const PARAMS = new Set(["grant_type", "scope", "client_id", "client_secret"]);

// RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64.
function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, " "));
}

function basicCredentials(authorization: string): { id: string; secret: string } {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!m) throw new OAuthError("invalid_client", "Send client credentials as HTTP Basic.");
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw new OAuthError("invalid_client", "Basic credentials need id:secret.");
  try {
    return {
      id: formDecode(decoded.slice(0, colon)),
      secret: formDecode(decoded.slice(colon + 1)),
    };
  } catch {
    throw new OAuthError("invalid_client", "Basic credentials are not form-urlencoded.");
  }
}

/**
 * A client credentials token request (RFC 6749 §4.4.2) from its form body and Authorization
 * header. Refuses what the RFC forbids: another content type, a repeated parameter, client
 * credentials in both places, a grant other than client_credentials.
 */
export function parseTokenRequest(input: {
  contentType: string | null;
  body: string;
  authorization: string | null;
}): TokenRequest {
  const type = (input.contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded")
    throw new OAuthError(
      "invalid_request",
      "Send the token request as application/x-www-form-urlencoded.",
    );
  const form = new URLSearchParams(input.body);
  const seen = new Map<string, string>();
  for (const [key, value] of form) {
    if (seen.has(key)) throw new OAuthError("invalid_request", `${key} is sent more than once.`);
    const problem = textProblem(key) ?? textProblem(value);
    if (problem)
      throw new OAuthError(
        "invalid_request",
        `${PARAMS.has(key) ? key : "a parameter"} ${problem}.`,
      );
    seen.set(key, value);
  }
  const grant = seen.get("grant_type");
  if (!grant) throw new OAuthError("invalid_request", "grant_type is required.");
  if (grant !== "client_credentials")
    throw new OAuthError(
      "unsupported_grant_type",
      "Only grant_type=client_credentials is supported.",
    );

  const inBody = seen.has("client_id") || seen.has("client_secret");
  let id: string;
  let secret: string;
  let via: TokenRequest["via"];
  if (input.authorization) {
    if (inBody)
      throw new OAuthError(
        "invalid_request",
        "Authenticate with HTTP Basic or client_id/client_secret in the body, not both.",
      );
    ({ id, secret } = basicCredentials(input.authorization));
    via = "basic";
  } else {
    id = seen.get("client_id") ?? "";
    secret = seen.get("client_secret") ?? "";
    via = "body";
    if (!id || !secret)
      throw new OAuthError("invalid_client", "client_id and client_secret are required.");
  }
  const scopeText = seen.get("scope");
  const scope = scopeText === undefined ? null : scopeText.split(" ").filter((s) => s.length > 0);
  if (scope !== null && scope.length === 0)
    throw new OAuthError("invalid_scope", "scope is empty; leave it out for all granted scopes.");
  return { clientId: id, clientSecret: secret, scope, via };
}
