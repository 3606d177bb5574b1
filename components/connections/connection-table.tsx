import { Pencil, Plug, Plus } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
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
import type { ConnectionSummary } from "@/lib/connections/queries/list-connections";
import type { ConnectionKind } from "@/lib/connections/save-connection-schema";
import { DeleteConnectionButton } from "./delete-connection-button";
import { TestConnectionButton } from "./test-connection-button";

const HEALTH_VARIANT = {
  UNKNOWN: "outline",
  HEALTHY: "success",
  DEGRADED: "warning",
  FAILING: "destructive",
} as const;

type Props = {
  kind: ConnectionKind;
  rows: ConnectionSummary[];
  /** Provider key → label in the current locale. */
  providerLabels: Record<string, string>;
};

/** One section of the page: the HR sources or the IM targets. */
export async function ConnectionTable({ kind, rows, providerLabels }: Props) {
  const t = await getTranslations("connections");
  const format = await getFormatter();
  const now = new Date();
  const hr = kind === "HR_SOURCE";
  const titleId = `connections-${kind}`;
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <CardTitle id={titleId}>{hr ? t("hrSources") : t("imTargets")}</CardTitle>
          <CardDescription>{hr ? t("hrSourcesHint") : t("imTargetsHint")}</CardDescription>
        </div>
        <Link href={`/connections?new=${kind}`} className={buttonVariants({ size: "sm" })}>
          <Plus aria-hidden />
          {hr ? t("addHr") : t("addIm")}
        </Link>
      </CardHeader>
      <CardContent className="p-0">
        {rows.length === 0 ? (
          <div className="p-5 pt-0">
            <EmptyState icon={<Plug />} title={hr ? t("emptyHr") : t("emptyIm")}>
              {hr ? t("emptyHrHint") : t("emptyImHint")}
            </EmptyState>
          </div>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("name")}</TableHead>
                <TableHead>{t("provider")}</TableHead>
                <TableHead>{t("health")}</TableHead>
                <TableHead className="text-right">{t("actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <p className="font-medium">{c.name}</p>
                    <Badge variant={c.enabled ? "success" : "outline"}>
                      {c.enabled ? t("enabled") : t("disabled")}
                    </Badge>
                  </TableCell>
                  <TableCell>{providerLabels[c.provider] ?? c.provider}</TableCell>
                  <TableCell className="max-w-md">
                    <Badge variant={HEALTH_VARIANT[c.health]}>
                      {t(`healthStates.${c.health}`)}
                    </Badge>
                    <span className="ml-2 text-xs text-muted-foreground">
                      {c.lastCheckedAt
                        ? t("lastChecked", { when: format.relativeTime(c.lastCheckedAt, now) })
                        : t("neverChecked")}
                    </span>
                    {c.healthMessage ? (
                      <p className="mt-1 break-words text-xs text-muted-foreground">
                        {c.healthMessage}
                      </p>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <div className="flex items-start justify-end gap-2">
                      <TestConnectionButton id={c.id} name={c.name} />
                      <Link
                        href={`/connections?edit=${c.id}`}
                        aria-label={t("editNamed", { name: c.name })}
                        className={buttonVariants({ variant: "outline", size: "sm" })}
                      >
                        <Pencil aria-hidden />
                        {t("edit")}
                      </Link>
                      <DeleteConnectionButton id={c.id} name={c.name} dependents={c.dependents} />
                    </div>
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
