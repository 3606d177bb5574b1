// The endpoint form's schema: the server's input schema, with custom headers edited as rows.
import { z } from "zod";
import { endpointHeadersSchema, endpointInputSchema } from "@/lib/callbacks/endpoint-input-schema";

// The form edits custom headers as rows; everything else is the server's schema.
const headerRows = z
  .array(z.object({ name: z.string().trim(), value: z.string(), kept: z.boolean() }))
  .superRefine((rows, ctx) => {
    const record: Record<string, string> = {};
    rows.forEach((row, i) => {
      if (!row.name && !row.value) return;
      if (!row.name)
        ctx.addIssue({
          code: "custom",
          path: [i, "name"],
          message: "header name is required",
          params: { i18n: "headerNameRequired" },
        });
      else if (!row.value && !row.kept)
        ctx.addIssue({
          code: "custom",
          path: [i, "value"],
          message: `Header "${row.name}" needs a value.`,
          params: { i18n: "headerNeedsValue", name: row.name },
        });
      else record[row.name] = row.value;
    });
    const parsed = endpointHeadersSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const i = rows.findIndex((r) => r.name === issue.path[0]);
        ctx.addIssue({
          code: "custom",
          path: i >= 0 ? [i, "name"] : [],
          message: issue.message,
          params: issue.code === "custom" ? issue.params : undefined,
        });
      }
    }
  });
export const formSchema = endpointInputSchema.extend({ headers: headerRows });
export type FormInput = z.input<typeof formSchema>;
export type FormOutput = z.output<typeof formSchema>;

export type EndpointFormDefaults = Omit<FormInput, "headers"> & { headerNames: string[] };

export const EMPTY: EndpointFormDefaults = {
  name: "",
  url: "",
  description: "",
  eventTypes: [],
  enabled: true,
  rateLimitPerSecond: null,
  maxRetries: 3,
  retrySchedule: "default",
  allowPrivate: false,
  headerNames: [],
};

// Fields whose browser-side errors are shown in the UI language (the server's own messages are English).
export const LOCALIZED = [
  "name",
  "url",
  "description",
  "eventTypes",
  "maxRetries",
  "rateLimitPerSecond",
] as const;
