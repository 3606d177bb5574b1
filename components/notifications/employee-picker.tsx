"use client";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { searchEmployeesAction } from "@/app/actions/notifications";
import { Input } from "@/components/ui/input";
import type { EmployeeOption } from "@/lib/notifications/queries/search-employees";
import { useDebouncedValue } from "./use-debounced-value";

/** Search an employee by name or 工号 and pick one (a listbox of matches under the input). */
export function EmployeePicker({
  value,
  onChange,
  label,
  invalid,
}: {
  value: EmployeeOption | null;
  onChange: (e: EmployeeOption | null) => void;
  label: string;
  invalid?: boolean;
}) {
  const t = useTranslations("notifications.picker");
  const en = useLocale() === "en";
  const id = useId();
  const [q, setQ] = useState("");
  const debounced = useDebouncedValue(q.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: ["employee-search", debounced],
    enabled: debounced.length > 0 && !value,
    queryFn: async () => {
      const result = await searchEmployeesAction({ q: debounced });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  const name = (e: EmployeeOption) => (en && e.nameEn ? `${e.nameEn} (${e.name})` : e.name);

  if (value) {
    return (
      <div className="flex flex-col gap-1.5">
        <span className="text-sm font-medium">{label}</span>
        <div
          className="flex items-center justify-between rounded-md border bg-muted/40 px-3 py-2 text-sm"
          data-testid="picked-employee"
        >
          <span>
            {name(value)} · <span className="font-mono text-xs">{value.employeeNo}</span> ·{" "}
            <span className="text-xs text-muted-foreground">{value.timeZone}</span>
          </span>
          <button
            type="button"
            className="text-xs text-primary hover:underline"
            onClick={() => onChange(null)}
          >
            {t("change")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <Input
        id={id}
        role="combobox"
        aria-expanded={!!data?.length}
        aria-controls={`${id}-list`}
        aria-invalid={invalid}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t("employeePlaceholder")}
        autoComplete="off"
      />
      {debounced && data ? (
        data.length === 0 ? (
          <p className="text-xs text-muted-foreground" role="status">
            {t("noMatch")}
          </p>
        ) : (
          <ul
            id={`${id}-list`}
            role="listbox"
            aria-label={t("matches")}
            className="max-h-56 overflow-auto rounded-md border"
          >
            {data.map((e) => (
              <li key={e.employeeNo} role="option" aria-selected={false}>
                <button
                  type="button"
                  className="flex w-full justify-between gap-2 px-3 py-1.5 text-left text-sm hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
                  onClick={() => onChange(e)}
                >
                  <span>
                    {name(e)}{" "}
                    <span className="font-mono text-xs text-muted-foreground">{e.employeeNo}</span>
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {(en ? e.orgUnitNameEn : null) ?? e.orgUnitName ?? ""} · {e.timeZone}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : isFetching ? (
        <p className="text-xs text-muted-foreground">{t("searching")}</p>
      ) : null}
    </div>
  );
}
