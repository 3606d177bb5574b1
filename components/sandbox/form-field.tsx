import type { ReactNode } from "react";

/** A label, the control, and either the field's error or its hint (the control refers to them by id). */
export function FormField({ id, label, error, hint, className, children }: { id: string; label: string; error?: string; hint?: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ?? "flex flex-col gap-1.5"}>
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-destructive">{error}</p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">{hint}</p>
      ) : null}
    </div>
  );
}

/** Props that tie a control to its FormField's error or hint. */
export function describedBy(id: string, error?: string, hint?: string) {
  return { "aria-invalid": !!error, "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined };
}
