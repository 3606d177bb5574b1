"use client";
import { ShieldCheck, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { savePrivacyRulesAction } from "@/app/actions/directory-privacy";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
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
import { PrivacyRuleForm } from "./privacy-rule-form";

type NewRule = Omit<PrivacyRule, "id">;

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
  const [pending, start] = useTransition();
  const platform = preview.platform
    ? locale === "en"
      ? preview.platform.en
      : preview.platform.zh
    : "";

  /** Saves the whole list; the server's field errors when it refuses, else null. */
  const persist = async (rules: PrivacyRule[]) => {
    const result = await savePrivacyRulesAction({ rules });
    if (!result.ok) {
      toast.error(result.error.message);
      return result.error.fieldErrors ?? {};
    }
    toast.success(t("saved"));
    router.refresh();
    return null;
  };
  const add = async (rule: NewRule) => {
    const errors = await persist([
      ...preview.rules,
      { id: `r${Date.now().toString(36)}`, ...rule },
    ]);
    if (!errors) return null;
    // The new rule is the last one: its errors go under its fields, anything else above the button.
    const prefix = `rules.${preview.rules.length}.`;
    return Object.fromEntries(
      Object.entries(errors).map(([k, v]) => [
        k.startsWith(prefix) ? k.slice(prefix.length) : "_",
        v,
      ]),
    );
  };
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
                  {rule.grades.map((x) => (
                    <Badge key={`g${x}`} variant="outline">
                      {t("gradeBadge", { grade: x })}
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
                      onClick={() =>
                        start(async () => {
                          await persist(preview.rules.filter((r) => r.id !== rule.id));
                        })
                      }
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
                        <TableHead>{t("grade")}</TableHead>
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
                          <TableCell>{e.grade ?? "—"}</TableCell>
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
        {mayEdit ? <PrivacyRuleForm submit={add} /> : null}
      </CardContent>
    </Card>
  );
}
