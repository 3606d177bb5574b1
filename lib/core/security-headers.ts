// Response headers that make the console harder to attack from another site or
// through injected markup. Pure, so the policy is unit-tested; proxy.ts applies it.

export type PolicyOptions = {
  /** Per-request nonce for Next.js's and next-themes' inline scripts; absent for API responses. */
  nonce?: string;
  /** Development: React's dev build needs eval, and Turbopack's HMR a websocket. */
  dev?: boolean;
};

/** The Content-Security-Policy value for a page (with a nonce) or any other response. */
export function contentSecurityPolicy({ nonce, dev = false }: PolicyOptions): string {
  if (!nonce) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
  return [
    "default-src 'self'",
    // strict-dynamic: scripts the nonce'd bootstrap loads are trusted; no host allow-list to bypass.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts, Radix popovers and toasts position themselves with style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers for every response; HSTS only when the request arrived over TLS. */
export function securityHeaders(opts: PolicyOptions & { https: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(opts),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(opts.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
