import { z } from "zod";
import type { ValidationProblem } from "@/lib/core/i18n/validation-problem";
import { callbackEventTypes, type CallbackEventType } from "@/lib/callbacks/rules/event-catalogue";

// DB-free: shared by the console form (zodResolver) and the server action.

/** Header names an endpoint may not set: Standard Webhooks' own, HTTP framing, hop-by-hop and proxy ones. */
const RESERVED_HEADERS = new Set([
  "host",
  "content-type",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "trailers",
  "upgrade",
  "expect",
  "user-agent",
]);

/** RFC 9110 token characters. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Why a custom header name is refused, or null when it is fine. */
export function customHeaderNameProblem(name: string): string | null {
  return headerNameProblem(name)?.message ?? null;
}

/** The same reason with its message key (validation.custom.*), for the console's language. */
export function headerNameProblem(name: string): ValidationProblem | null {
  const lower = name.toLowerCase();
  if (!TOKEN.test(name))
    return {
      message: `"${name}" is not a valid header name`,
      params: { i18n: "headerName", name },
    };
  if (lower.startsWith("webhook-"))
    return {
      message: `"${name}" is reserved for the Standard Webhooks signature headers`,
      params: { i18n: "headerReservedWebhook", name },
    };
  if (RESERVED_HEADERS.has(lower))
    return {
      message: `"${name}" is set by OrgBridge or HTTP itself and cannot be overridden`,
      params: { i18n: "headerReserved", name },
    };
  return null;
}

export const MAX_CUSTOM_HEADERS = 20;

export const retryScheduleNames = ["default", "long"] as const;

/**
 * Custom headers: name → value. Values are stored encrypted and never shown again; on update an
 * empty value keeps the stored one (a name left out of the record removes that header).
 */
export const endpointHeadersSchema = z
  .record(
    z
      .string()
      .trim()
      .min(1, "header name is required")
      .max(64, "header name must be at most 64 characters"),
    z
      .string()
      .max(1024, "header value must be at most 1024 characters")
      .refine((v) => !/[\r\n\0]/.test(v), {
        message: "header value may not contain line breaks",
        params: { i18n: "headerLineBreak" },
      }),
  )
  .superRefine((headers, ctx) => {
    const names = Object.keys(headers);
    if (names.length > MAX_CUSTOM_HEADERS)
      ctx.addIssue({
        code: "custom",
        message: `at most ${MAX_CUSTOM_HEADERS} custom headers`,
        params: { i18n: "tooManyHeaders", max: MAX_CUSTOM_HEADERS },
      });
    const seen = new Set<string>();
    for (const name of names) {
      const problem = headerNameProblem(name);
      if (problem) ctx.addIssue({ code: "custom", path: [name], ...problem });
      if (seen.has(name.toLowerCase()))
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `header "${name}" is given twice`,
          params: { i18n: "headerTwice", name },
        });
      seen.add(name.toLowerCase());
    }
  });

/** One endpoint as the console form and the API hand it in (create and update alike). */
export const endpointInputSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(80, "Name must be at most 80 characters"),
  url: z
    .string()
    .trim()
    .min(1, "URL is required")
    .max(2048, "URL must be at most 2048 characters")
    .refine((v) => URL.canParse(v), {
      message: "URL is not a valid absolute URL (e.g. https://oa.example.com/hooks)",
      params: { i18n: "absoluteUrl" },
    }),
  description: z.string().trim().max(500, "Description must be at most 500 characters").optional(),
  eventTypes: z
    .array(
      z.enum(callbackEventTypes as [CallbackEventType, ...CallbackEventType[]], {
        error: (issue) => `"${String(issue.input)}" is not an event type in the catalogue`,
      }),
    )
    .min(1, "Choose at least one event type")
    .transform((types) => [...new Set(types)]),
  enabled: z.boolean().default(true),
  /** Most deliveries per second to this endpoint, across every worker (see lib/callbacks/engine/README.md); empty = no limit. */
  rateLimitPerSecond: z
    .int("Rate limit must be a whole number")
    .min(1, "Rate limit must be at least 1 per second")
    .max(1000, "Rate limit must be at most 1000 per second")
    .nullable()
    .optional(),
  headers: endpointHeadersSchema.default({}),
  /** Retries after the first attempt. */
  maxRetries: z
    .int("Retries must be a whole number")
    .min(0, "Retries must be at least 0")
    .max(10, "Retries must be at most 10")
    .default(3),
  retrySchedule: z
    .enum(retryScheduleNames, { error: 'Retry schedule must be "default" or "long"' })
    .default("default"),
  /** Allow private networks (10/8, 172.16/12, 192.168/16, CGNAT, fc00::/7) for this endpoint; never loopback or metadata. */
  allowPrivate: z.boolean().default(false),
});

export type EndpointInput = z.input<typeof endpointInputSchema>;
export type EndpointInputParsed = z.output<typeof endpointInputSchema>;

/** Rotation: how long the old secret keeps signing (0 = stop at once). */
export const rotateSecretSchema = z.object({
  overlapHours: z
    .number("Overlap must be a number")
    .min(0, "Overlap must be at least 0 hours")
    .max(168, "Overlap must be at most 168 hours (7 days)")
    .default(24),
});
export type RotateSecretInput = z.input<typeof rotateSecretSchema>;
