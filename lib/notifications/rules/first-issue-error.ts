import type { ZodError } from "zod";
import { invalid, type AppError } from "@/lib/core/errors";

/** The first zod issue as a 422 AppError naming its field (dotted path, "_" for the whole input). */
export function firstIssueError(error: ZodError): AppError {
  const issue = error.issues[0];
  return invalid(issue?.path.join(".") || "_", issue?.message ?? "Invalid input");
}
