"use client";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { bulkHireSchema, bulkTerminateSchema } from "@/lib/sandbox/console/hr-simulation-schema";
import type { HrDepartmentOption } from "@/lib/sandbox/console/list-hr-departments";
import { DepartmentSelect } from "./department-select";
import { Submit } from "./employee-forms";
import { describedBy, FormField } from "@/components/ui/form-field";
import { useSimulationForm } from "./use-simulation-form";

// The form edits the list as text; the server's schema checks the numbers themselves.
const bulkTerminateFormSchema = bulkTerminateSchema.extend({
  employeeNos: z.string().trim().min(1, "List at least one employee number"),
});
const splitNumbers = (text: string) => text.split(/[\s,，;]+/).filter(Boolean);

export function BulkHireForm({ departments }: { departments: HrDepartmentOption[] }) {
  const t = useTranslations("hrSimulator");
  const { form, onSubmit, errors, isSubmitting } = useSimulationForm(bulkHireSchema, {
    kind: "bulkHire",
    count: 10,
    unitCode: "",
  });
  return (
    <Form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      <FormField
        id="bulk-hire-count"
        label={t("fields.count")}
        error={errors.count?.message}
        hint={t("hints.bulkHire")}
      >
        <Input
          id="bulk-hire-count"
          type="number"
          min={1}
          max={500}
          step={1}
          {...describedBy("bulk-hire-count", errors.count?.message, t("hints.bulkHire"))}
          {...form.register("count", { valueAsNumber: true })}
        />
      </FormField>
      <FormField
        id="bulk-hire-unit"
        label={t("fields.department")}
        error={errors.unitCode?.message}
      >
        <DepartmentSelect
          id="bulk-hire-unit"
          departments={departments}
          {...describedBy("bulk-hire-unit", errors.unitCode?.message)}
          {...form.register("unitCode")}
        />
      </FormField>
      <Submit pending={isSubmitting} label={t("submit.bulkHire")} />
    </Form>
  );
}

export function BulkTerminateForm() {
  const t = useTranslations("hrSimulator");
  const { form, onSubmit, errors, isSubmitting } = useSimulationForm(
    bulkTerminateFormSchema,
    { kind: "bulkTerminate", employeeNos: "", reason: "" },
    (v) => ({
      ...v,
      employeeNos: splitNumbers(v.employeeNos),
    }),
  );
  return (
    <Form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      <FormField
        id="bulk-terminate-nos"
        label={t("fields.employeeNos")}
        error={errors.employeeNos?.message}
        hint={t("hints.employeeNos")}
        className="flex flex-col gap-1.5 md:col-span-2"
      >
        <textarea
          id="bulk-terminate-nos"
          rows={4}
          className="w-full rounded-md border bg-card px-3 py-2 font-mono text-sm aria-invalid:border-destructive"
          placeholder="XH000120, XH000121"
          {...describedBy(
            "bulk-terminate-nos",
            errors.employeeNos?.message,
            t("hints.employeeNos"),
          )}
          {...form.register("employeeNos")}
        />
      </FormField>
      <FormField
        id="bulk-terminate-reason"
        label={t("fields.reason")}
        error={errors.reason?.message}
      >
        <Input
          id="bulk-terminate-reason"
          {...describedBy("bulk-terminate-reason", errors.reason?.message)}
          {...form.register("reason")}
        />
      </FormField>
      <Submit pending={isSubmitting} label={t("submit.bulkTerminate")} variant="destructive" />
    </Form>
  );
}
