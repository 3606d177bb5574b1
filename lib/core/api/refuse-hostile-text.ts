import { AppError } from "@/lib/core/errors";
import { textProblem } from "./rules/text-problem";

/**
 * 400 naming the first query parameter or path segment that holds NUL, a control character or a
 * lone surrogate (`?cursor=%00`, `/notifications/%00`): PostgreSQL would refuse such text with a
 * 500 deep inside a query.
 */
export function refuseHostileText(values: Iterable<[string, unknown]>): void {
  for (const [field, value] of values) {
    if (typeof value !== "string") continue;
    const problem = textProblem(field) ?? textProblem(value);
    if (problem)
      throw new AppError(
        400,
        "bad_text",
        `${field}: ${problem}.`,
        textProblem(field) ? "query" : field,
      );
  }
}
