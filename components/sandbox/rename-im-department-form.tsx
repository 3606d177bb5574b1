"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { PencilLine } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { renameImDepartmentAction } from "@/app/actions/sandbox";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  renameImDepartmentSchema,
  type RenameImDepartmentInput,
} from "@/lib/sandbox/console/im-preview-schema";
import { describedBy } from "@/components/ui/form-field";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";

/** An IM admin's out-of-band rename of one department (for conflict demos); folded away until asked for. */
export function RenameImDepartmentForm({ id, name }: { id: number; name: string }) {
  const t = useTranslations("imPreview");
  const [editing, setEditing] = useState(false);
  const form = useForm<RenameImDepartmentInput>({
    resolver: zodResolver(useLocalizedSchema(renameImDepartmentSchema)),
    defaultValues: { id, name },
  });
  const error = form.formState.errors.name?.message;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await renameImDepartmentAction(values);
    if (!result.ok) {
      form.setError("name", { message: result.error.fieldErrors?.name ?? result.error.message });
      toast.error(result.error.message);
      return;
    }
    toast.success(t("renamed", { before: result.data.before, after: result.data.after }));
    setEditing(false);
  });

  if (!editing) {
    return (
      <Button type="button" variant="outline" size="sm" onClick={() => setEditing(true)}>
        <PencilLine aria-hidden />
        {t("renameInIm")}
      </Button>
    );
  }
  return (
    <Form
      onSubmit={onSubmit}
      noValidate
      className="flex w-full flex-col gap-2 rounded-md border p-3"
    >
      <p className="text-xs text-muted-foreground">{t("renameHint")}</p>
      <label htmlFor={`im-rename-${id}`} className="text-sm font-medium">
        {t("newName")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          id={`im-rename-${id}`}
          className="max-w-xs"
          autoFocus
          {...describedBy(`im-rename-${id}`, error)}
          {...form.register("name")}
        />
        <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("renaming") : t("rename")}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => {
            form.reset({ id, name });
            setEditing(false);
          }}
        >
          {t("cancel")}
        </Button>
      </div>
      {error ? (
        <p id={`im-rename-${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
