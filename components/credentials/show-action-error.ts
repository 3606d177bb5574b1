import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/core/action";

type ActionError = Extract<ActionResult<unknown>, { ok: false }>["error"];

/** Puts a refused server action's field errors under the form's fields and toasts its message. */
export function showActionError<F extends FieldValues>(
  form: UseFormReturn<F>,
  error: ActionError,
): void {
  for (const [field, message] of Object.entries(error.fieldErrors ?? {}))
    form.setError(field as Path<F>, { message });
  toast.error(error.message);
}
