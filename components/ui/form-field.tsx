import type { ReactNode } from "react";

/** A label, the control, and either the field's error or its hint (the control refers to them by id, see `describedBy`). */
export function FormField({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className ?? "flex flex-col gap-1.5"}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Props that tie a control to its FormField's error or hint. */
export function describedBy(id: string, error?: string, hint?: unknown) {
  return {
    "aria-invalid": !!error,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
}

export const selectClass =
  "h-9 rounded-md border bg-card px-2 text-sm disabled:opacity-50 aria-invalid:border-destructive";
export const textareaClass =
  "min-h-20 w-full rounded-md border bg-card px-3 py-2 text-sm shadow-xs placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive";
