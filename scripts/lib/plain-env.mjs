// Plain JavaScript: scripts/app-server.mjs imports it under plain node.
//
// process.env is an object whose every read, and every listing (Object.entries), calls into C++
// to read the real environment. The Inngest SDK lists the whole environment several times per
// request it serves or sends (inngest/helpers/env.js getProcessEnv, ~30 µs a time): 15.7 % of the
// functions worker's CPU under bench/executor-product.ts. Nothing in OrgBridge's server processes
// changes the environment after start, so a plain copy holds the same values and costs ~4 µs.
// Native code (OpenSSL, the system resolver) still reads the real environment, which the copy equals.

/** Replaces process.env with a plain-object copy of itself. Call once, first thing in a server process. */
export function plainProcessEnv() {
  process.env = { ...process.env };
}
