"use client";
import { useTranslations } from "next-intl";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  moveDepartmentSchema,
  renameDepartmentSchema,
} from "@/lib/sandbox/console/hr-simulation-schema";
import type { HrDepartmentOption } from "@/lib/sandbox/console/list-hr-departments";
import { DepartmentSelect } from "./department-select";
import { Submit } from "./employee-forms";
import { describedBy, FormField } from "@/components/ui/form-field";
import { useSimulationForm } from "./use-simulation-form";

export function RenameDepartmentForm({ departments }: { departments: HrDepartmentOption[] }) {
  const t = useTranslations("hrSimulator");
  const { form, onSubmit, errors, isSubmitting } = useSimulationForm(renameDepartmentSchema, {
    kind: "renameDepartment",
    unitCode: "",
    name: "",
    nameEn: "",
  });
  return (
    <Form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      <FormField
        id="rename-unit"
        label={t("fields.department")}
        error={errors.unitCode?.message}
        className="flex flex-col gap-1.5 md:col-span-2"
      >
        <DepartmentSelect
          id="rename-unit"
          departments={departments}
          {...describedBy("rename-unit", errors.unitCode?.message)}
          {...form.register("unitCode")}
        />
      </FormField>
      <FormField id="rename-name" label={t("fields.departmentName")} error={errors.name?.message}>
        <Input
          id="rename-name"
          {...describedBy("rename-name", errors.name?.message)}
          {...form.register("name")}
        />
      </FormField>
      <FormField
        id="rename-name-en"
        label={t("fields.departmentNameEn")}
        error={errors.nameEn?.message}
      >
        <Input
          id="rename-name-en"
          {...describedBy("rename-name-en", errors.nameEn?.message)}
          {...form.register("nameEn")}
        />
      </FormField>
      <Submit pending={isSubmitting} label={t("submit.renameDepartment")} />
    </Form>
  );
}

export function MoveDepartmentForm({ departments }: { departments: HrDepartmentOption[] }) {
  const t = useTranslations("hrSimulator");
  const { form, onSubmit, errors, isSubmitting } = useSimulationForm(moveDepartmentSchema, {
    kind: "moveDepartment",
    unitCode: "",
    parentCode: "",
  });
  return (
    <Form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      <FormField id="move-unit" label={t("fields.department")} error={errors.unitCode?.message}>
        <DepartmentSelect
          id="move-unit"
          departments={departments}
          {...describedBy("move-unit", errors.unitCode?.message)}
          {...form.register("unitCode")}
        />
      </FormField>
      <FormField id="move-parent" label={t("fields.newParent")} error={errors.parentCode?.message}>
        <DepartmentSelect
          id="move-parent"
          departments={departments}
          {...describedBy("move-parent", errors.parentCode?.message)}
          {...form.register("parentCode")}
        />
      </FormField>
      <Submit pending={isSubmitting} label={t("submit.moveDepartment")} />
    </Form>
  );
}
