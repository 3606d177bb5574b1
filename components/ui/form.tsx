"use client";
import type { ComponentProps } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * A `<form>` whose controls stay disabled until React has hydrated it. Before then its handlers
 * are not attached: react-hook-form would never see what was typed (the value shown would not be
 * the value submitted) and a submit would be the browser's own GET with the fields in the URL.
 * `disabled` adds the form's own reasons (read-only, submitting). The fieldset has no box and no
 * role, so layout and the accessibility tree are those of the form's children.
 */
export function Form({
  disabled = false,
  children,
  ...props
}: ComponentProps<"form"> & { disabled?: boolean }) {
  const hydrated = useHydrated();
  return (
    <form {...props}>
      <fieldset disabled={disabled || !hydrated} role="none" className="contents">
        {children}
      </fieldset>
    </form>
  );
}
