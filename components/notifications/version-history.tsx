import { History } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { CategoryVersionView } from "@/lib/notifications/queries/get-category";

/** Every saved version, newest first: who, when, and which fields changed from the one before. */
export function VersionHistory({
  versions,
  current,
}: {
  versions: CategoryVersionView[];
  current: number;
}) {
  const t = useTranslations("notifications.versions");
  const tField = useTranslations("notifications.fields");
  const format = useFormatter();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("hint")}</CardDescription>
      </CardHeader>
      <CardContent>
        {versions.length === 0 ? (
          <EmptyState icon={<History />} title={t("empty")} />
        ) : (
          <ol className="flex flex-col gap-3" aria-label={t("title")}>
            {versions.map((v) => (
              <li key={v.version} className="rounded-md border p-3 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">
                    v{v.version}{" "}
                    {v.version === current ? <Badge className="ml-1">{t("current")}</Badge> : null}
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {t("by", {
                      who: v.createdBy ?? t("unknown"),
                      when: format.dateTime(v.createdAt, {
                        dateStyle: "short",
                        timeStyle: "short",
                      }),
                    })}
                  </span>
                </div>
                {v.changes.length > 0 ? (
                  <ul className="mt-2 flex flex-col gap-1 text-xs">
                    {v.changes.map((c) => (
                      <li key={c.field}>
                        <span className="font-medium">{tField(c.field.replace(".", "_"))}</span>:{" "}
                        <del className="text-muted-foreground">{c.before}</del> →{" "}
                        <ins className="no-underline">{c.after}</ins>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 text-xs text-muted-foreground">
                    {v.version === versions[versions.length - 1].version
                      ? t("first")
                      : t("noChanges")}
                  </p>
                )}
                <details className="mt-2">
                  <summary className="cursor-pointer text-xs text-muted-foreground">
                    {t("policy")}
                  </summary>
                  <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-xs">
                    {JSON.stringify(v.policy, null, 2)}
                  </pre>
                </details>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
