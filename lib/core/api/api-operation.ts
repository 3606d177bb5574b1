import { z } from "zod";
import type { TokenScope } from "@/lib/tokens/rules/scopes";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One /api/v1 operation: what the route handler parses and answers (apiRoute uses these very
 * schemas) and what the OpenAPI document says of it (buildOpenApi reads the same object), so the
 * two cannot drift.
 */
export type ApiOperation = {
  operationId: string;
  method: HttpMethod;
  /** The OpenAPI path under /api/v1, parameters in braces: `/employees/{employeeNo}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  scope: TokenScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /**
   * The JSON body. apiRoute parses it before the handler unless `bodyValidatedBy` is "handler":
   * then the lib function the handler calls validates it (rules that depend on stored data, such
   * as a notification category's own fields), and this schema documents its envelope.
   */
  body?: z.ZodType;
  bodyValidatedBy?: "handler";
  /** Success answers by status; the body is checked against the schema before it is sent. */
  responses: Partial<Record<200 | 201 | 202 | 204, { description: string; schema?: z.ZodType }>>;
  /** Error statuses worth listing beyond the ones every call can get (401, 403, 422, 429). */
  errors?: number[];
  example?: { request?: unknown; response?: unknown; query?: string };
};

export function defineOperation<const O extends ApiOperation>(operation: O): O {
  return operation;
}

/** Timestamps as the API sends them: ISO 8601 in UTC. */
export const isoDateTime = z
  .string()
  .meta({ format: "date-time", example: "2026-07-01T00:00:00.000Z" });

/** `?cursor=&limit=` of every list. */
export const pageQuery = z.object({
  cursor: z
    .string()
    .max(256, "cursor must be at most 256 characters")
    .optional()
    .meta({ description: "nextCursor of the previous page; absent for the first page." }),
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: "Page size." }),
});

/** A page of `item`: the items and the cursor of the next page (null on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The one error envelope of /api/v1. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().meta({ example: "invalid" }),
    message: z.string(),
    field: z.string().optional().meta({ description: "The input field at fault, when one is." }),
    requestId: z.string().meta({ description: "Quote it to support; it finds the API log row." }),
    issues: z
      .array(
        z.object({
          field: z.string().optional(),
          path: z.string().optional(),
          message: z.string(),
        }),
      )
      .optional(),
  }),
});
