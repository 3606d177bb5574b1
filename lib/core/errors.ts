/** An error the caller may see: status, machine-readable code, a safe message, and optionally the field at fault. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthorized = (message = "Sign in first.") =>
  new AppError(401, "unauthorized", message);
export const forbiddenError = (message = "Your role does not allow this.") =>
  new AppError(403, "forbidden", message);
export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found.`);
export const invalid = (field: string, message: string) =>
  new AppError(422, "invalid", message, field);
