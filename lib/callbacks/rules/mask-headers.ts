export type MaskHeadersOptions = {
  /** Extra header names (case-insensitive) whose values are secrets, e.g. an endpoint's custom "x-api-key". */
  secretHeaders?: readonly string[];
};

const CREDENTIAL_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "api-key",
  "x-auth-token",
  "x-access-token",
]);

const MASK = "••••";

/** Keep a scheme word ("Bearer", "Basic") so the log still says what kind of credential it was. */
function maskCredential(value: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9-]*)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} ${MASK}` : MASK;
}

/** Show enough of each signature to tell signatures apart, not enough to reuse one. */
function maskSignature(value: string): string {
  return value
    .split(" ")
    .filter(Boolean)
    .map((entry) => {
      const [version, sig = ""] = entry.split(",", 2);
      return sig ? `${version},${sig.slice(0, 6)}${MASK}` : MASK;
    })
    .join(" ");
}

/**
 * A copy of `headers` safe to store in the attempt log or show in the console: credentials
 * masked, webhook-signature cut to a recognisable prefix, secret custom headers hidden.
 * Names are lower-cased.
 */
export function maskHeaders(
  headers: Record<string, string | string[] | number | undefined>,
  options: MaskHeadersOptions = {},
): Record<string, string> {
  const secret = new Set((options.secretHeaders ?? []).map((h) => h.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [rawName, rawValue] of Object.entries(headers)) {
    if (rawValue === undefined) continue;
    const name = rawName.toLowerCase();
    const value = Array.isArray(rawValue) ? rawValue.join(", ") : String(rawValue);
    if (name === "webhook-signature") out[name] = maskSignature(value);
    else if (CREDENTIAL_HEADERS.has(name)) out[name] = maskCredential(value);
    else if (secret.has(name)) out[name] = MASK;
    else out[name] = value;
  }
  return out;
}
