"use client";
import { useTranslations } from "next-intl";
import { useRef, useState, type ComponentProps } from "react";
import { searchHrEmployeesAction } from "@/app/actions/sandbox";
import { Input } from "@/components/ui/input";
import type { HrEmployeeMatch } from "@/lib/sandbox/console/search-hr-employees";

type Props = Omit<ComponentProps<"input">, "list"> & { id: string };

/**
 * A text field for an employee number that suggests matches (by name or number) as you type,
 * through a native datalist, so it stays a plain labelled input for keyboards and screen readers.
 */
export function EmployeePicker({ id, onChange, ...props }: Props) {
  const t = useTranslations("hrSimulator");
  const [matches, setMatches] = useState<HrEmployeeMatch[]>([]);
  const [value, setValue] = useState("");
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(0);

  const search = (query: string) => {
    clearTimeout(timer.current);
    if (!query.trim()) return setMatches([]);
    // Debounced, and only the newest answer counts (answers can arrive out of order).
    timer.current = setTimeout(async () => {
      const seq = ++latest.current;
      setSearching(true);
      const result = await searchHrEmployeesAction({ query });
      if (seq !== latest.current) return;
      setSearching(false);
      setMatches(result.ok ? result.data : []);
    }, 250);
  };

  const chosen = matches.find((m) => m.employeeNo === value.trim());
  return (
    <>
      <Input
        id={id}
        list={`${id}-matches`}
        autoComplete="off"
        {...props}
        onChange={(e) => {
          setValue(e.target.value);
          search(e.target.value);
          onChange?.(e);
        }}
      />
      <datalist id={`${id}-matches`}>
        {matches.map((m) => (
          <option
            key={m.employeeNo}
            value={m.employeeNo}
          >{`${m.name} · ${m.unitCode ?? "—"} · ${t(`status.${m.status}` as "status.active")}`}</option>
        ))}
      </datalist>
      <p aria-live="polite" className="text-xs text-muted-foreground">
        {chosen
          ? `${chosen.name} · ${chosen.unitCode ?? "—"} · ${t(`status.${chosen.status}` as "status.active")}`
          : searching
            ? t("searching")
            : value.trim()
              ? t("matchCount", { count: matches.length })
              : null}
      </p>
    </>
  );
}
