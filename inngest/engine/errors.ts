import type { JsonError } from "./types";
import { findUnstorableText } from "./unstorable-text";

/**
 * An error as the console shows it and the SDK reads it back: name, message, head of the stack.
 * One PostgreSQL cannot store (NUL, a lone surrogate) is replaced by one saying where that was.
 */
export function toJsonError(raw: unknown): JsonError {
  const error = readError(raw);
  const unstorable = findUnstorableText(error, "error");
  return unstorable ? { name: "Error", message: unstorable } : error;
}

function readError(raw: unknown): JsonError {
  if (raw && typeof raw === "object") {
    const r = raw as Record<string, unknown>;
    const message =
      typeof r.message === "string"
        ? r.message
        : typeof r.error === "string"
          ? r.error
          : JSON.stringify(raw);
    const stack =
      typeof r.stack === "string" ? r.stack.split("\n").slice(0, 8).join("\n") : undefined;
    return {
      name: typeof r.name === "string" && r.name ? r.name : "Error",
      message,
      ...(stack ? { stack } : {}),
    };
  }
  return { name: "Error", message: typeof raw === "string" ? raw : JSON.stringify(raw) };
}

/** The app's registration payload is unusable (answered 400). */
export class RegistrationError extends Error {
  override name = "RegistrationError";
}

/** A run or function the caller named does not exist (answered 404). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}
