import { envSection } from "@/lib/core/env";

/**
 * The most bytes an /api/v1 request body may have (`API_MAX_BODY_BYTES`, default 256 KB). Read on
 * its own so route handlers do not need the whole environment to be valid.
 */
export function apiBodyLimit(): number {
  return envSection("api").API_MAX_BODY_BYTES;
}
