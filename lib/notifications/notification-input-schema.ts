import { z } from "zod";

/** WeCom's text limit (message/send text.content, 2048 UTF-8 bytes): the default IM target's. */
export const DEFAULT_MAX_BODY_BYTES = 2_048;

/** Length of a string in UTF-8 bytes, as IM platforms count it. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** One org unit of the audience, by HR code; with or without the units below it. */
export const orgUnitRecipientSchema = z.object({
  code: z
    .string({ error: "Org unit code is required" })
    .trim()
    .min(1, "Org unit code is required")
    .max(100, "Org unit code must be at most 100 characters"),
  includeDescendants: z
    .boolean({ error: "includeDescendants must be true or false" })
    .default(true),
});

/** Who receives a notification: employee numbers, org units, or everyone (any combination; at least one). */
export const recipientsSchema = z
  .object(
    {
      employeeNos: z
        .array(
          z
            .string({ error: "Employee numbers must be strings" })
            .trim()
            .min(1, "Employee numbers must not be empty")
            .max(64, "Employee numbers must be at most 64 characters"),
          {
            error: "employeeNos must be a list of employee numbers",
          },
        )
        .max(100_000, "At most 100000 employee numbers per notification")
        .optional(),
      orgUnits: z
        .array(orgUnitRecipientSchema, {
          error: "orgUnits must be a list of {code, includeDescendants}",
        })
        .max(1_000, "At most 1000 org units per notification")
        .optional(),
      everyone: z.boolean({ error: "everyone must be true or false" }).optional(),
    },
    { error: "Recipients are required: employeeNos, orgUnits or everyone" },
  )
  .refine(
    (r) => r.everyone === true || (r.employeeNos?.length ?? 0) > 0 || (r.orgUnits?.length ?? 0) > 0,
    {
      error: "Name at least one recipient: employeeNos, orgUnits or everyone: true",
      params: { i18n: "recipientRequired" },
    },
  );

/**
 * A notification request (REST intake and the console's compose form). `maxBodyBytes` is the IM
 * target's text limit (`capabilities.maxTextBytes`); the server checks against the live target's.
 */
export function notificationInputSchemaFor(maxBodyBytes: number) {
  return z.object({
    /** The category's key, e.g. "system-change". */
    category: z
      .string({ error: "Category is required (a category key such as system-change)" })
      .trim()
      .min(1, "Category is required (a category key such as system-change)")
      .max(64, "Category key must be at most 64 characters"),
    recipients: recipientsSchema,
    title: z
      .string({ error: "Title is required" })
      .trim()
      .min(1, "Title is required")
      .max(128, "Title must be at most 128 characters"),
    body: z
      .string({ error: "Body is required" })
      .trim()
      .min(1, "Body is required")
      .superRefine((b, ctx) => {
        const bytes = utf8Bytes(b);
        if (bytes > maxBodyBytes)
          ctx.addIssue({
            code: "custom",
            message: `Body is ${bytes} bytes; the IM platform accepts at most ${maxBodyBytes} bytes (UTF-8)`,
            params: { i18n: "bodyTooLong", bytes, max: maxBodyBytes },
          });
      }),
    link: z
      .url({ protocol: /^https?$/, error: "Link must be an http(s) URL" })
      .max(2_048, "Link must be at most 2048 characters")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  });
}

/** The compose form's schema, with the default IM target's limit (WeCom, 2048 bytes). */
export const notificationInputSchema = notificationInputSchemaFor(DEFAULT_MAX_BODY_BYTES);

export type NotificationInput = z.infer<typeof notificationInputSchema>;
export type NotificationRecipients = z.infer<typeof recipientsSchema>;
/** Recipients as a caller may write them (includeDescendants optional, default true). */
export type NotificationRecipientsInput = z.input<typeof recipientsSchema>;
