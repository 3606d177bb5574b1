import { z } from "zod";

/**
 * The schema, but every issue it raises carries `message(issue)` as its message: what a form
 * resolver (zodResolver) shows is then in the reader's language. Everything else (shape, types,
 * parsing) is the schema's own, so the form and the server action still check the same rules.
 */
export function localizedSchema<S extends z.ZodType>(
  schema: S,
  message: (issue: z.core.$ZodIssue) => string,
): S {
  const relabel = (error: z.ZodError) =>
    new z.ZodError(error.issues.map((issue) => ({ ...issue, message: message(issue) })));
  return Object.assign(Object.create(schema) as S, {
    parse(value: unknown, params?: z.core.ParseContext<z.core.$ZodIssue>) {
      const result = schema.safeParse(value, params);
      if (!result.success) throw relabel(result.error);
      return result.data;
    },
    async parseAsync(value: unknown, params?: z.core.ParseContext<z.core.$ZodIssue>) {
      const result = await schema.safeParseAsync(value, params);
      if (!result.success) throw relabel(result.error);
      return result.data;
    },
  });
}
