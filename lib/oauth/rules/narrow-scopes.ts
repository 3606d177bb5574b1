import { OAuthError } from "./oauth-error";

/**
 * The scopes an access token gets: all of the client's when none are asked for, else the asked
 * ones — each of which the client must hold (RFC 6749 §3.3: never more than was granted).
 */
export function narrowScopes(requested: readonly string[] | null, granted: readonly string[]) {
  if (requested === null) return [...granted];
  const extra = requested.filter((s) => !granted.includes(s));
  if (extra.length)
    throw new OAuthError(
      "invalid_scope",
      `The client is not granted: ${extra.slice(0, 5).join(" ").slice(0, 200)}.`,
    );
  return [...new Set(requested)];
}
