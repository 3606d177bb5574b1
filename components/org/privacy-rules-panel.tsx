"use client";
import { ShieldCheck, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { savePrivacyRulesAction } from "@/app/actions/directory-privacy";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { PrivacyRule } from "@/lib/org/directory-privacy-schema";
import type { PrivacyPreview } from "@/lib/org/queries/preview-privacy-rules";
import type { ContactOutcome } from "@/lib/org/rules/privacy-outcome";

const list = (s: string) =>
  s
    .split(/[,，\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

type Draft = {
  label: string;
  units: string;
  titles: string;
  hideMobile: boolean;
  hideEmail: boolean;
  seniorMode: boolean;
};
const EMPTY: Draft = {
  label: "",
  units: "",
  titles: "",
  hideMobile: true,
  hideEmail: false,
  seniorMode: false,
};

/** Directory privacy on the org screen: the rules, an HR admin's editor, and who each rule hits on this IM target. */
export function PrivacyRulesPanel({
  preview,
  mayEdit,
}: {
  preview: PrivacyPreview;
  mayEdit: boolean;
}) {
  const t = useTranslations("privacy");
  const locale = useLocale();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const platform = preview.platform
    ? locale === "en"
      ? preview.platform.en
      : preview.platform.zh
    : "";

  const save = (rules: PrivacyRule[], onDone?: () => void) =>
    start(async () => {
      const result = await savePrivacyRulesAction({ rules });
      if (!result.ok) {
        setErrors(result.error.fieldErrors ?? {});
        toast.error(result.error.message);
        return;
      }
      setErrors({});
      onDone?.();
      toast.success(t("saved"));
      router.refresh();
    });

  const add = () => {
    const id = `r${Date.now().toString(36)}`;
    const rule: PrivacyRule = {
      id,
      label: draft.label,
      unitCodes: list(draft.units),
      titles: list(draft.titles),
      hideMobile: draft.hideMobile,
      hideEmail: draft.hideEmail,
      seniorMode: draft.seniorMode,
    };
    save([...preview.rules, rule], () => setDraft(EMPTY));
  };
  const i = preview.rules.length;
  const err = (k: string) => errors[`rules.${i}.${k}`];
  const outcome = (o: ContactOutcome) => t(`outcome.${o}`, { platform });

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ShieldCheck className="size-4" aria-hidden />
          {t("title")}
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {preview.rules.length === 0 ? (
          <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
        ) : (
          preview.rules.map((rule) => {
            const hit = preview.hits.find((h) => h.ruleId === rule.id);
            return (
              <section key={rule.id} aria-label={rule.label} className="flex flex-col gap-2">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-medium">{rule.label}</h3>
                  {rule.unitCodes.map((c) => (
                    <Badge key={`u${c}`} variant="outline">
                      {t("unitBadge", { code: c })}
                    </Badge>
                  ))}
                  {rule.titles.map((x) => (
                    <Badge key={`t${x}`} variant="outline">
                      {t("titleBadge", { title: x })}
                    </Badge>
                  ))}
                  {rule.hideMobile ? <Badge>{t("hideMobile")}</Badge> : null}
                  {rule.hideEmail ? <Badge>{t("hideEmail")}</Badge> : null}
                  {rule.seniorMode ? <Badge>{t("seniorMode")}</Badge> : null}
                  {mayEdit ? (
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      disabled={pending}
                      aria-label={t("delete", { label: rule.label })}
                      onClick={() => save(preview.rules.filter((r) => r.id !== rule.id))}
                    >
                      <Trash2 className="size-4" aria-hidden />
                    </Button>
                  ) : null}
                </div>
                {!hit || hit.employees.length === 0 ? (
                  <p className="text-sm text-muted-foreground">{t("noHits")}</p>
                ) : (
                  <Table aria-label={t("previewTable", { label: rule.label })}>
                    <TableHeader>
                      <TableRow>
                        <TableHead>{t("employee")}</TableHead>
                        <TableHead>{t("jobTitle")}</TableHead>
                        <TableHead>{t("mobile")}</TableHead>
                        <TableHead>{t("email")}</TableHead>
                        <TableHead>{t("seniorMode")}</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {hit.employees.map((e) => (
                        <TableRow key={e.employeeNo}>
                          <TableCell>
                            {e.name} <span className="text-muted-foreground">{e.employeeNo}</span>
                          </TableCell>
                          <TableCell>{e.title ?? "—"}</TableCell>
                          <TableCell>{outcome(e.outcome.mobile)}</TableCell>
                          <TableCell>{outcome(e.outcome.email)}</TableCell>
                          <TableCell>{t(`senior.${e.outcome.seniorMode}`, { platform })}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
                {hit?.more ? <p className="text-xs text-muted-foreground">{t("more")}</p> : null}
              </section>
            );
          })
        )}
        {mayEdit ? (
          <form
            aria-label={t("addTitle")}
            className="grid gap-3 rounded-md border p-4 md:grid-cols-3"
            onSubmit={(e) => {
              e.preventDefault();
              add();
            }}
            noValidate
          >
            <FormField id="privacy-label" label={t("label")} error={err("label")}>
              <Input
                id="privacy-label"
                value={draft.label}
                onChange={(e) => setDraft({ ...draft, label: e.target.value })}
              />
            </FormField>
            <FormField
              id="privacy-units"
              label={t("units")}
              error={err("unitCodes")}
              hint={t("listHint")}
            >
              <Input
                id="privacy-units"
                value={draft.units}
                onChange={(e) => setDraft({ ...draft, units: e.target.value })}
              />
            </FormField>
            <FormField
              id="privacy-titles"
              label={t("titles")}
              error={err("titles")}
              hint={t("listHint")}
            >
              <Input
                id="privacy-titles"
                value={draft.titles}
                onChange={(e) => setDraft({ ...draft, titles: e.target.value })}
              />
            </FormField>
            <fieldset className="flex flex-wrap gap-4 md:col-span-3">
              <legend className="sr-only">{t("actions")}</legend>
              {(["hideMobile", "hideEmail", "seniorMode"] as const).map((k) => (
                <label key={k} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={draft[k]}
                    onChange={(e) => setDraft({ ...draft, [k]: e.target.checked })}
                    aria-invalid={err(k) ? true : undefined}
                  />
                  {t(k)}
                </label>
              ))}
            </fieldset>
            {err("hideMobile") || err("hideEmail") || err("seniorMode") ? (
              <p role="alert" className="text-xs text-destructive md:col-span-3">
                {err("hideMobile") ?? err("hideEmail") ?? err("seniorMode")}
              </p>
            ) : null}
            <div className="md:col-span-3">
              <Button type="submit" disabled={pending}>
                {pending ? t("saving") : t("add")}
              </Button>
            </div>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
