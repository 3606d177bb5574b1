import { isConnectorError } from "./connector-error";
import type { ConnectionTestResult } from "../types";

/** Times `probe` and turns its outcome into a ConnectionTestResult (never throws). */
export async function runConnectionTest(
  probe: () => Promise<string>,
): Promise<ConnectionTestResult> {
  const started = performance.now();
  try {
    const message = await probe();
    return { ok: true, message, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return {
      ok: false,
      message: isConnectorError(err)
        ? `${err.kind}: ${err.message}`
        : "Unexpected error while testing the connection",
      code: isConnectorError(err) ? err.code : undefined,
      latencyMs: Math.round(performance.now() - started),
    };
  }
}
