import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export type FilterField = {
  name: string;
  label: string;
  type?: "text" | "date" | "number";
  value?: string;
  placeholder?: string;
};

/** A GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function FilterForm({
  fields,
  submitLabel,
  children,
}: {
  fields: FilterField[];
  submitLabel: string;
  children?: ReactNode;
}) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
      {fields.map((f) => (
        <div key={f.name} className="flex flex-col gap-1">
          <label htmlFor={`filter-${f.name}`} className="text-xs font-medium text-muted-foreground">
            {f.label}
          </label>
          <Input
            id={`filter-${f.name}`}
            name={f.name}
            type={f.type ?? "text"}
            defaultValue={f.value ?? ""}
            placeholder={f.placeholder}
            className="w-44"
          />
        </div>
      ))}
      {children}
      <Button type="submit" variant="outline">
        {submitLabel}
      </Button>
    </form>
  );
}
