import { textProblem } from "./text-problem";

/**
 * A zod refinement for caller-supplied strings (URL filters, search boxes): refuses NUL, control
 * characters and lone surrogates, which PostgreSQL would turn into a 500 deep in a query.
 * Use as `z.string().refine(...noHostileText)`.
 */
export const noHostileText = [
  (value: string) => textProblem(value) === null,
  {
    error: (issue: { input: unknown }) =>
      `Text ${textProblem(String(issue.input)) ?? "is not allowed"}`,
  },
] as const;
