"use client";
import { useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/core/action";

/** Options for {@link ConfirmActionButton}. */
export type ConfirmActionButtonProps<T> = {
  /** The button's text (and icon). */
  children: ReactNode;
  /** The accessible name, naming what it acts on ("Revoke OA reader"). */
  ariaLabel: string;
  /** The question the browser asks first; cancelling does nothing. */
  confirm: string;
  /** The server action, already bound to its input. */
  run: () => Promise<ActionResult<T>>;
  /** Toast on success; none when omitted. */
  success?: string;
  /** What else to do with the action's result (show a rotated secret). */
  onSuccess?: (data: T) => void;
};

/** A small outline button that asks before a destructive server action (revoke, rotate, delete) and toasts the outcome. */
export function ConfirmActionButton<T>({
  children,
  ariaLabel,
  confirm,
  run,
  success,
  onSuccess,
}: ConfirmActionButtonProps<T>) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      aria-label={ariaLabel}
      onClick={() => {
        if (!window.confirm(confirm)) return;
        start(async () => {
          const result = await run();
          if (!result.ok) return void toast.error(result.error.message);
          onSuccess?.(result.data);
          if (success) toast.success(success);
        });
      }}
    >
      {children}
    </Button>
  );
}
