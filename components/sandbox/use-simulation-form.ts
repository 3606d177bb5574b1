"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
} from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { simulateHrChangeAction } from "@/app/actions/sandbox";
import type {
  HrSimulationInput,
  HrSimulationSummary,
} from "@/lib/sandbox/console/hr-simulation-schema";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";

/** The toast line for a finished simulation, in the reader's language. */
export function useSummaryText() {
  const t = useTranslations("hrSimulator");
  return (s: HrSimulationSummary) =>
    t(s.scheduledFor ? "done.transferScheduled" : `done.${s.kind}`, {
      date: s.scheduledFor ?? "",
      name: s.name,
      key: s.keys[0] ?? "",
      unit: s.unitName ?? "",
      version: s.version,
      count: s.count,
      keys: `${s.keys.join(", ")}${s.count > s.keys.length ? ", …" : ""}`,
    });
}

/**
 * A react-hook-form bound to one simulation's zod schema (the one the server action re-checks):
 * submits through the simulator action, toasts what changed, and puts server errors on their fields.
 */
export function useSimulationForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: z.input<S>,
  toInput: (values: z.output<S>) => HrSimulationInput = (v) => v as HrSimulationInput,
) {
  const summaryText = useSummaryText();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(useLocalizedSchema(schema) as never) as unknown as Resolver<
      z.input<S>,
      unknown,
      z.output<S>
    >,
    defaultValues: defaultValues as DefaultValues<z.input<S>>,
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await simulateHrChangeAction(toInput(values));
    if (!result.ok) {
      for (const [path, message] of Object.entries(result.error.fieldErrors ?? {})) {
        const field = path.split(".")[0];
        if (field in (defaultValues as object))
          form.setError(field as Path<z.input<S>>, { message }, { shouldFocus: true });
      }
      toast.error(result.error.message);
      return;
    }
    form.reset(defaultValues as DefaultValues<z.input<S>>);
    toast.success(summaryText(result.data));
  });

  return {
    form,
    onSubmit,
    errors: form.formState.errors,
    isSubmitting: form.formState.isSubmitting,
  };
}
