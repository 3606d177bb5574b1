import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { categoryInputSchema } from "@/lib/notifications/category-input-schema";

export type CategoryFormValues = z.input<typeof categoryInputSchema>;

/** What every section of the category form gets from it: the form, and its error and aria helpers. */
export type CategorySectionProps = {
  form: UseFormReturn<CategoryFormValues>;
  err: (path: string) => string | undefined;
  aria: (id: string, path: string) => { "aria-invalid": boolean; "aria-describedby": string };
};
