"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  hireSchema,
  terminateSchema,
  transferSchema,
  withdrawTransferSchema,
} from "@/lib/sandbox/console/hr-simulation-schema";
import type { HrDepartmentOption } from "@/lib/sandbox/console/list-hr-departments";
import { DepartmentSelect } from "./department-select";
import { EmployeePicker } from "./employee-picker";
import { describedBy, FormField } from "@/components/ui/form-field";
import { useSimulationForm } from "./use-simulation-form";

const formClass = "grid gap-4 md:grid-cols-2";

export function HireForm({ departments }: { departments: HrDepartmentOption[] }) {
  const t = useTranslations("hrSimulator");
  const { form, onSubmit, errors, isSubmitting } = useSimulationForm(hireSchema, {
    kind: "hire",
    name: "",
    nameEn: "",
    email: "",
    mobile: "",
    title: "",
    unitCode: "",
    hireDate: "",
  });
  const text = (name: "name" | "nameEn" | "email" | "mobile" | "title", type = "text") => (
    <FormField id={`hire-${name}`} label={t(`fields.${name}`)} error={errors[name]?.message}>
      <Input
        id={`hire-${name}`}
        type={type}
        {...describedBy(`hire-${name}`, errors[name]?.message)}
        {...form.register(name)}
      />
    </FormField>
  );
  return (
    <Form onSubmit={onSubmit} className={formClass} noValidate>
      {text("name")}
      {text("nameEn")}
      {text("email", "email")}
      {text("mobile", "tel")}
      {text("title")}
      <FormField id="hire-unit" label={t("fields.department")} error={errors.unitCode?.message}>
        <DepartmentSelect
          id="hire-unit"
          departments={departments}
          {...describedBy("hire-unit", errors.unitCode?.message)}
          {...form.register("unitCode")}
        />
      </FormField>
      <FormField
        id="hire-date"
        label={t("fields.hireDate")}
        error={errors.hireDate?.message}
        hint={t("hints.hireDate")}
      >
        <Input
          id="hire-date"
          type="date"
          {...describedBy("hire-date", errors.hireDate?.message, t("hints.hireDate"))}
          {...form.register("hireDate")}
        />
      </FormField>
      <Submit pending={isSubmitting} label={t("submit.hire")} />
    </Form>
  );
}

export function TransferForm({ departments }: { departments: HrDepartmentOption[] }) {
  const t = useTranslations("hrSimulator");
  const { form, onSubmit, errors, isSubmitting } = useSimulationForm(transferSchema, {
    kind: "transfer",
    employeeNo: "",
    unitCode: "",
    title: "",
    effectiveDate: "",
  });
  return (
    <Form onSubmit={onSubmit} className={formClass} noValidate>
      <FormField
        id="transfer-employee"
        label={t("fields.employee")}
        error={errors.employeeNo?.message}
        hint={t("hints.employee")}
      >
        <EmployeePicker
          id="transfer-employee"
          {...describedBy("transfer-employee", errors.employeeNo?.message, t("hints.employee"))}
          {...form.register("employeeNo")}
        />
      </FormField>
      <FormField
        id="transfer-unit"
        label={t("fields.targetDepartment")}
        error={errors.unitCode?.message}
      >
        <DepartmentSelect
          id="transfer-unit"
          departments={departments}
          {...describedBy("transfer-unit", errors.unitCode?.message)}
          {...form.register("unitCode")}
        />
      </FormField>
      <FormField id="transfer-title" label={t("fields.newTitle")} error={errors.title?.message}>
        <Input
          id="transfer-title"
          {...describedBy("transfer-title", errors.title?.message)}
          {...form.register("title")}
        />
      </FormField>
      <FormField
        id="transfer-date"
        label={t("fields.effectiveDate")}
        error={errors.effectiveDate?.message}
        hint={t("hints.effectiveDate")}
      >
        <Input
          id="transfer-date"
          type="date"
          {...describedBy("transfer-date", errors.effectiveDate?.message, t("hints.effectiveDate"))}
          {...form.register("effectiveDate")}
        />
      </FormField>
      <Submit pending={isSubmitting} label={t("submit.transfer")} />
    </Form>
  );
}

export function WithdrawTransferForm() {
  const t = useTranslations("hrSimulator");
  const { form, onSubmit, errors, isSubmitting } = useSimulationForm(withdrawTransferSchema, {
    kind: "withdrawTransfer",
    employeeNo: "",
  });
  return (
    <Form onSubmit={onSubmit} className={formClass} noValidate>
      <FormField
        id="withdraw-employee"
        label={t("fields.employee")}
        error={errors.employeeNo?.message}
        hint={t("hints.withdrawTransfer")}
      >
        <EmployeePicker
          id="withdraw-employee"
          {...describedBy(
            "withdraw-employee",
            errors.employeeNo?.message,
            t("hints.withdrawTransfer"),
          )}
          {...form.register("employeeNo")}
        />
      </FormField>
      <Submit pending={isSubmitting} label={t("submit.withdrawTransfer")} />
    </Form>
  );
}

export function TerminateForm() {
  const t = useTranslations("hrSimulator");
  const { form, onSubmit, errors, isSubmitting } = useSimulationForm(terminateSchema, {
    kind: "terminate",
    employeeNo: "",
    reason: "",
    date: "",
  });
  return (
    <Form onSubmit={onSubmit} className={formClass} noValidate>
      <FormField
        id="terminate-employee"
        label={t("fields.employee")}
        error={errors.employeeNo?.message}
        hint={t("hints.employee")}
      >
        <EmployeePicker
          id="terminate-employee"
          {...describedBy("terminate-employee", errors.employeeNo?.message, t("hints.employee"))}
          {...form.register("employeeNo")}
        />
      </FormField>
      <FormField id="terminate-reason" label={t("fields.reason")} error={errors.reason?.message}>
        <Input
          id="terminate-reason"
          {...describedBy("terminate-reason", errors.reason?.message)}
          {...form.register("reason")}
        />
      </FormField>
      <FormField
        id="terminate-date"
        label={t("fields.lastDay")}
        error={errors.date?.message}
        hint={t("hints.lastDay")}
      >
        <Input
          id="terminate-date"
          type="date"
          {...describedBy("terminate-date", errors.date?.message, t("hints.lastDay"))}
          {...form.register("date")}
        />
      </FormField>
      <Submit pending={isSubmitting} label={t("submit.terminate")} variant="destructive" />
    </Form>
  );
}

export function Submit({
  pending,
  label,
  variant,
}: {
  pending: boolean;
  label: string;
  variant?: "destructive";
}) {
  const t = useTranslations("hrSimulator");
  return (
    <div className="md:col-span-2">
      <Button type="submit" disabled={pending} variant={variant}>
        {pending ? t("working") : label}
      </Button>
    </div>
  );
}
