"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { saveMappingAction } from "@/app/actions/org";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  MAPPING_CHOICES,
  saveMappingSchema,
  type SaveMappingInput,
} from "@/lib/org/org-mapping-schemas";
import type { OrgTreeUnit } from "@/lib/org/types";
import { renderGroupName } from "@/lib/sync/rules/render-group-name";
import { ImGroupPicker } from "./im-group-picker";
import { SubtreeForm } from "./subtree-form";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";

type Props = {
  connectionId: string;
  unit: OrgTreeUnit;
  /** Unit names from the top down to this unit, for {path}. */
  pathNames: string[];
  mayEdit: boolean;
  unitName: (code: string) => string;
};

/** One unit's mapping: mode, descendants, naming template with a live preview, LINK target. */
export function MappingPanel({ connectionId, unit, pathNames, mayEdit, unitName }: Props) {
  const t = useTranslations("org");
  const router = useRouter();
  const form = useForm<SaveMappingInput>({
    resolver: zodResolver(useLocalizedSchema(saveMappingSchema)),
    defaultValues: {
      connectionId,
      orgUnitId: unit.id,
      mode: unit.own?.mode ?? "NONE",
      includeDescendants: unit.own?.includeDescendants ?? true,
      namingTemplate: unit.own?.namingTemplate ?? "{name}",
      imGroupExternalId: unit.own?.imGroupExternalId ?? "",
      imGroupName: unit.own?.imGroupName ?? "",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const [mode, template] = useWatch({ control: form.control, name: ["mode", "namingTemplate"] });
  const preview = renderGroupName({
    template: template ?? "",
    unit: { code: unit.code, name: unit.name, nameEn: unit.nameEn ?? undefined },
    path: pathNames,
  });

  const onSubmit = form.handleSubmit(async (input) => {
    const result = await saveMappingAction(input);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {})) {
        if (field in input) form.setError(field as keyof SaveMappingInput, { message });
      }
      toast.error(
        result.error.code === "invalid"
          ? t("invalidField", { message: result.error.message })
          : result.error.message,
      );
      return;
    }
    toast.success(
      result.data.action === "deleted" || result.data.action === "unchanged"
        ? t("removed", { name: unit.name })
        : t("saved", { name: unit.name }),
    );
    router.refresh();
  });

  const effective =
    unit.effective && !unit.own
      ? t("effectiveInherited", {
          mode: t(`mode.${unit.effective.mode}`),
          name: unitName(unit.effective.fromUnitCode),
        })
      : null;

  return (
    <Card>
      <CardHeader>
        <CardTitle>{unit.name}</CardTitle>
        <CardDescription>
          {unit.code} · {t("counts", { direct: unit.directCount, subtree: unit.subtreeCount })}
        </CardDescription>
        <p className="text-sm">{effective ?? t(`statusHint.${unit.status}`)}</p>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <Form
          onSubmit={onSubmit}
          noValidate
          aria-label={t("formLabel", { name: unit.name })}
          className="flex flex-col gap-4"
          disabled={!mayEdit}
        >
          <div className="flex flex-col gap-4">
            <fieldset className="flex flex-col gap-1.5">
              <legend className="mb-1 text-sm font-medium">{t("modeLabel")}</legend>
              <div className="grid grid-cols-2 gap-2">
                {MAPPING_CHOICES.map((choice) => (
                  <label
                    key={choice}
                    className="flex items-center gap-2 rounded-md border px-2 py-1.5 text-sm"
                  >
                    <input type="radio" value={choice} {...form.register("mode")} />
                    {t(`choice.${choice}`)}
                  </label>
                ))}
              </div>
              <p className="text-xs text-muted-foreground">{t(`choiceHint.${mode}`)}</p>
            </fieldset>

            {mode !== "NONE" ? (
              <>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" {...form.register("includeDescendants")} />
                  {t("includeDescendants")}
                </label>
                <div className="flex flex-col gap-1.5">
                  <label htmlFor="mapping-template" className="text-sm font-medium">
                    {t("templateLabel")}
                  </label>
                  <Input
                    id="mapping-template"
                    aria-invalid={!!errors.namingTemplate}
                    aria-describedby="mapping-template-help"
                    {...form.register("namingTemplate")}
                  />
                  <div id="mapping-template-help" className="text-xs">
                    {errors.namingTemplate ? (
                      <p role="alert" className="text-destructive">
                        {t("fieldError", {
                          field: t("templateLabel"),
                          message: errors.namingTemplate.message ?? "",
                        })}
                      </p>
                    ) : (
                      <p className="text-muted-foreground">{t("templateHint")}</p>
                    )}
                    <p className={preview.ok ? "text-muted-foreground" : "text-destructive"}>
                      {preview.ok
                        ? t("preview", { name: preview.name })
                        : t("previewError", { message: preview.message })}
                    </p>
                  </div>
                </div>
              </>
            ) : null}

            {mode === "LINK" ? (
              <ImGroupPicker
                connectionId={connectionId}
                control={form.control}
                setValue={form.setValue}
                error={errors.imGroupExternalId?.message}
                currentName={unit.own?.imGroupName}
              />
            ) : null}
          </div>
          {mayEdit ? (
            <Button type="submit" disabled={isSubmitting} className="self-start">
              <Save />
              {t("save")}
            </Button>
          ) : (
            <p className="text-sm text-muted-foreground">{t("readOnly")}</p>
          )}
        </Form>
        {mayEdit ? <SubtreeForm connectionId={connectionId} unit={unit} /> : null}
      </CardContent>
    </Card>
  );
}
