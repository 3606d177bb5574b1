"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setRateLimitAction } from "@/app/actions/oauth-clients";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

/** A credential's requests-per-minute limit, editable in place; empty means the default. */
export function RateLimitEditor({
  kind,
  id,
  name,
  value,
  defaultLimit,
  editable,
}: {
  kind: "token" | "client";
  id: string;
  name: string;
  value: number | null;
  defaultLimit: number;
  editable: boolean;
}) {
  const t = useTranslations("rateLimits");
  const [text, setText] = useState(value === null ? "" : String(value));
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!editable)
    return (
      <span className="text-xs">
        {value === null
          ? t("defaultValue", { limit: defaultLimit })
          : t("perMinute", { limit: value })}
      </span>
    );
  const inputId = `rl-${kind}-${id}`;
  return (
    <Form
      className="flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = text.trim();
        const next = trimmed === "" ? null : Number(trimmed);
        start(async () => {
          const result = await setRateLimitAction({ kind, id, rateLimitPerMinute: next });
          if (result.ok) {
            setError(null);
            toast.success(t("saved"));
          } else {
            setError(result.error.fieldErrors?.rateLimitPerMinute ?? result.error.message);
            toast.error(result.error.message);
          }
        });
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        {t("labelFor", { name })}
      </label>
      <Input
        id={inputId}
        inputMode="numeric"
        className="h-8 w-24"
        value={text}
        placeholder={String(defaultLimit)}
        aria-invalid={!!error}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <Button
        type="submit"
        variant="outline"
        size="sm"
        disabled={pending}
        aria-label={t("saveFor", { name })}
      >
        {t("save")}
      </Button>
      {error ? (
        <p id={`${inputId}-error`} className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
