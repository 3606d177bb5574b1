import { ScrollText } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { FilterForm } from "@/components/data/filter-form";
import { Pagination } from "@/components/data/pagination";
import { PageHeader } from "@/components/shell/page-header";
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
import { requireArea } from "@/lib/core/auth/require-area";
import { auditFilterSchema, searchAudit } from "@/lib/core/audit/search-audit";

export const dynamic = "force-dynamic";

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requireArea("audit");
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const raw = await searchParams;
  const parsed = auditFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : auditFilterSchema.parse({});
  const { rows, total, pages } = await searchAudit(filter);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FilterForm
        submitLabel={t("filter")}
        fields={[
          { name: "actor", label: t("actor"), value: filter.actor },
          { name: "action", label: t("action"), value: filter.action, placeholder: "token." },
          { name: "target", label: t("target"), value: filter.target },
          { name: "from", label: t("from"), type: "date", value: filter.from },
          { name: "to", label: t("to"), type: "date", value: filter.to },
        ]}
      />
      {!parsed.success ? (
        <p role="alert" className="mb-3 text-sm text-destructive">
          {t("badFilter")}
        </p>
      ) : null}
      <Card>
        <CardContent className="p-0">
          {rows.length === 0 ? (
            <div className="p-6">
              <EmptyState icon={<ScrollText />} title={t("empty")} />
            </div>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("time")}</TableHead>
                  <TableHead>{t("actor")}</TableHead>
                  <TableHead>{t("action")}</TableHead>
                  <TableHead>{t("target")}</TableHead>
                  <TableHead>{t("change")}</TableHead>
                  <TableHead>IP</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell className="whitespace-nowrap tabular-nums">
                      {format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                    </TableCell>
                    <TableCell>
                      <Badge variant="outline">{r.actorType}</Badge> {r.actorName ?? r.actorId}
                    </TableCell>
                    <TableCell>
                      <code className="text-xs">{r.action}</code>
                    </TableCell>
                    <TableCell className="text-xs">
                      {r.targetType}
                      {r.targetId ? ` · ${r.targetId.slice(0, 10)}` : ""}
                    </TableCell>
                    <TableCell className="max-w-md">
                      <details className="text-xs">
                        <summary className="cursor-pointer text-muted-foreground">
                          {t("showChange")}
                        </summary>
                        <pre className="mt-1 whitespace-pre-wrap break-all">
                          {JSON.stringify({ before: r.before, after: r.after }, null, 1)}
                        </pre>
                      </details>
                    </TableCell>
                    <TableCell className="text-xs text-muted-foreground">{r.ip ?? "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Pagination
        page={filter.page}
        pages={pages}
        params={{ ...raw, page: undefined }}
        labels={{
          prev: t("prev"),
          next: t("next"),
          of: t("pageOf", { page: filter.page, pages, total }),
        }}
      />
    </>
  );
}
