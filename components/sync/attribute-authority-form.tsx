"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { saveAttributeAuthorityAction } from "@/app/actions/attribute-authority";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { selectClass } from "@/components/ui/form-field";
import {
  AUTHORITY_FIELDS,
  AUTHORITY_MODES,
  type AttributeAuthority,
  type AuthorityMode,
} from "@/lib/sync/attribute-authority-schema";

/** Which system owns each person field on one IM target: an IT admin's choice, per connection. */
export function AttributeAuthorityForm({
  connection,
  initial,
  readOnly,
}: {
  connection: { id: string; name: string };
  initial: AttributeAuthority;
  readOnly: boolean;
}) {
  const t = useTranslations("authority");
  const [values, setValues] = useState<AttributeAuthority>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();

  const submit = () =>
    start(async () => {
      const result = await saveAttributeAuthorityAction({
        connectionId: connection.id,
        ...values,
      });
      if (!result.ok) {
        setErrors(result.error.fieldErrors ?? {});
        toast.error(result.error.message);
        return;
      }
      setErrors({});
      toast.success(t("saved", { name: connection.name }));
    });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title", { name: connection.name })}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form
          aria-label={t("formLabel", { name: connection.name })}
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          disabled={readOnly || pending}
        >
          <div className="grid gap-4 md:grid-cols-3">
            {AUTHORITY_FIELDS.map((field) => {
              const id = `authority-${connection.id}-${field}`;
              // Platforms without a manager field write none whatever the mode: the hint says so.
              const hinted = field === "manager";
              return (
                <div key={field} className="flex flex-col gap-1.5">
                  <label htmlFor={id} className="text-sm font-medium">
                    {t(`field.${field}`)}
                  </label>
                  <select
                    id={id}
                    className={selectClass}
                    value={values[field]}
                    aria-describedby={hinted || errors[field] ? `${id}-hint` : undefined}
                    onChange={(e) =>
                      setValues({ ...values, [field]: e.target.value as AuthorityMode })
                    }
                  >
                    {AUTHORITY_MODES.map((m) => (
                      <option key={m} value={m}>
                        {t(`mode.${m}`)}
                      </option>
                    ))}
                  </select>
                  {errors[field] || hinted ? (
                    <p
                      id={`${id}-hint`}
                      className={
                        errors[field] ? "text-xs text-destructive" : "text-xs text-muted-foreground"
                      }
                    >
                      {errors[field] ?? t("managerHint")}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
          <p className="text-xs text-muted-foreground">{t("conflictNote")}</p>
          {readOnly ? null : (
            <div>
              <Button type="submit" disabled={pending}>
                {pending ? t("saving") : t("save")}
              </Button>
            </div>
          )}
        </Form>
      </CardContent>
    </Card>
  );
}
