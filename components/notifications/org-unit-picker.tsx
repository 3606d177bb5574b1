"use client";
import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { searchOrgUnitsAction } from "@/app/actions/notifications";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useDebouncedValue } from "./use-debounced-value";

/** Find org units by name or code (shallow ones first, indented by depth) or add a code as typed. */
export function OrgUnitPicker({ onAdd }: { onAdd: (code: string) => void }) {
  const t = useTranslations("notifications.picker");
  const en = useLocale() === "en";
  const id = useId();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const debounced = useDebouncedValue(q.trim(), 250);
  const { data } = useQuery({
    queryKey: ["org-unit-search", debounced],
    enabled: open,
    queryFn: async () => {
      const result = await searchOrgUnitsAction({ q: debounced });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  const add = (code: string) => {
    onAdd(code);
    setQ("");
  };
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {t("orgUnit")}
      </label>
      <div className="flex gap-2">
        <Input
          id={id}
          role="combobox"
          aria-expanded={open && !!data?.length}
          aria-controls={`${id}-list`}
          value={q}
          onFocus={() => setOpen(true)}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              if (q.trim()) add(q.trim());
            }
          }}
          placeholder={t("orgUnitPlaceholder")}
          autoComplete="off"
        />
        <Button
          type="button"
          variant="outline"
          onClick={() => q.trim() && add(q.trim())}
          disabled={!q.trim()}
        >
          <Plus aria-hidden />
          {t("addCode")}
        </Button>
      </div>
      {open && data?.length ? (
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label={t("orgUnitMatches")}
          className="max-h-56 overflow-auto rounded-md border"
        >
          {data.map((u) => (
            <li key={u.code} role="option" aria-selected={false}>
              <button
                type="button"
                className="flex w-full justify-between gap-2 py-1.5 pr-3 text-left text-sm hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
                style={{ paddingLeft: `${0.75 + Math.min(u.depth, 6) * 0.75}rem` }}
                onClick={() => add(u.code)}
              >
                <span>{(en ? u.nameEn : null) ?? u.name}</span>
                <span className="font-mono text-xs text-muted-foreground">{u.code}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
