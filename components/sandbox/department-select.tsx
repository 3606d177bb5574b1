"use client";
import { forwardRef, type ComponentProps } from "react";
import { useTranslations } from "next-intl";
import type { HrDepartmentOption } from "@/lib/sandbox/console/list-hr-departments";
import { cn } from "@/lib/core/cn";

type Props = ComponentProps<"select"> & { departments: HrDepartmentOption[] };

/** A native select of every HR department in tree order, indented by depth (works with register()). */
export const DepartmentSelect = forwardRef<HTMLSelectElement, Props>(function DepartmentSelect(
  { departments, className, ...props },
  ref,
) {
  const t = useTranslations("hrSimulator");
  return (
    <select
      ref={ref}
      className={cn(
        "h-9 w-full rounded-md border bg-card px-2 text-sm aria-invalid:border-destructive",
        className,
      )}
      {...props}
    >
      <option value="">{t("chooseDepartment")}</option>
      {departments.map((d) => (
        <option key={d.code} value={d.code}>
          {`${"\u00a0\u00a0".repeat(d.depth)}${d.name} (${d.code})${d.active ? "" : ` ${t("inactive")}`}`}
        </option>
      ))}
    </select>
  );
});
