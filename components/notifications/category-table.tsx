import { BellRing } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { CategoryListRow } from "@/lib/notifications/queries/list-categories";
import { CategoryBadges } from "./category-badges";

/** The policy list: one row per category with what decides delivery at a glance. */
export function CategoryTable({ categories }: { categories: CategoryListRow[] }) {
  const t = useTranslations("notifications.categories");
  const tf = useTranslations("notifications.form");
  const format = useFormatter();
  const en = useLocale() === "en";
  return (
    <Card>
      <CardContent className="p-0">
        {categories.length === 0 ? (
          <div className="p-6">
            <EmptyState icon={<BellRing />} title={t("empty")}>
              {t("emptyHint")}
            </EmptyState>
          </div>
        ) : (
          <Table aria-label={t("tableLabel")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("name")}</TableHead>
                <TableHead>{t("kind")}</TableHead>
                <TableHead>{t("quiet")}</TableHead>
                <TableHead>{t("channel")}</TableHead>
                <TableHead>{t("throttle")}</TableHead>
                <TableHead className="text-right">{t("version")}</TableHead>
                <TableHead className="text-right">{t("sent")}</TableHead>
                <TableHead>{t("updated")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {categories.map((c) => (
                <TableRow key={c.id} className={c.archived ? "opacity-60" : undefined}>
                  <TableCell>
                    <Link
                      href={`/notifications/categories/${encodeURIComponent(c.key)}`}
                      className="font-medium text-primary hover:underline"
                    >
                      {en ? c.nameEn : c.nameZh}
                    </Link>
                    <div className="font-mono text-xs text-muted-foreground">{c.key}</div>
                  </TableCell>
                  <TableCell>
                    <CategoryBadges
                      mandatory={c.mandatory}
                      urgent={c.urgent}
                      defaultOptIn={c.defaultOptIn}
                    />
                    {c.archived ? (
                      <Badge variant="outline" className="ml-1">
                        {t("archived")}
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-xs">
                    {c.quietEnabled && c.quietStart && c.quietEnd ? (
                      <>
                        {c.quietStart}–{c.quietEnd} · {c.quietTimeZone ?? t("ownZone")}
                        <div className="text-muted-foreground">
                          {c.quietAction === "DELIVER"
                            ? tf("quietActions.deliver")
                            : tf("quietActions.defer")}
                        </div>
                      </>
                    ) : (
                      <span className="text-muted-foreground">{t("noQuiet")}</span>
                    )}
                  </TableCell>
                  <TableCell className="text-xs">
                    {tf(`channels.${c.channel}`)}
                    {c.fallbackChannel ? (
                      <span className="text-muted-foreground">
                        {" "}
                        → {tf(`channels.${c.fallbackChannel}`)}
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-xs">
                    {c.throttlePerDay == null ? (
                      <span className="text-muted-foreground">{tf("unlimited")}</span>
                    ) : (
                      t("throttleValue", {
                        n: c.throttlePerDay,
                        action: tf(`throttleActions.${c.throttleAction}`),
                      })
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">v{c.version}</TableCell>
                  <TableCell className="text-right tabular-nums">{c.notificationCount}</TableCell>
                  <TableCell className="whitespace-nowrap text-xs">
                    {format.dateTime(c.updatedAt, { dateStyle: "short", timeStyle: "short" })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
