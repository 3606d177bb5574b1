/**
 * Why a value is refused, as a custom zod issue's message (English, what the API says) and the
 * key under validation.custom.* with its values, so the console can say it in the reader's language.
 */
export type ValidationProblem = {
  message: string;
  params: { i18n: string } & Record<string, string | number>;
};
