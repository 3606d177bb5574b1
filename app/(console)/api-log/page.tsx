import { FileClock } from "lucide-react";
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
import { apiLogFilterSchema, searchApiLog } from "@/lib/core/api/search-api-log";
import { requireArea } from "@/lib/core/auth/require-area";
import { envSection } from "@/lib/core/env";

export const dynamic = "force-dynamic";

export default async function ApiLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requireArea("apiLog");
  const t = await getTranslations("apiLog");
  const format = await getFormatter();
  const raw = await searchParams;
  const parsed = apiLogFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : apiLogFilterSchema.parse({});
  const { rows, total, pages } = await searchApiLog(filter);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { days: envSection("company").API_LOG_RETENTION_DAYS })}
      />
      <FilterForm
        submitLabel={t("filter")}
        fields={[
          { name: "route", label: t("route"), value: filter.route, placeholder: "/api/v1/" },
          {
            name: "status",
            label: t("status"),
            value: filter.status,
            placeholder: "2xx / 4xx / 5xx",
          },
          { name: "token", label: t("token"), value: filter.token },
        ]}
      />
      <Card>
        <CardContent className="p-0">
          {rows.length === 0 ? (
            <div className="p-6">
              <EmptyState icon={<FileClock />} title={t("empty")}>
                {t("emptyHint")}
              </EmptyState>
            </div>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("time")}</TableHead>
                  <TableHead>{t("token")}</TableHead>
                  <TableHead>{t("route")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead className="text-right">{t("latency")}</TableHead>
                  <TableHead>{t("bodies")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell className="whitespace-nowrap tabular-nums">
                      {format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                    </TableCell>
                    <TableCell className="text-xs">
                      {r.token
                        ? `${r.token.name} (${r.token.prefix})`
                        : r.oauthClient
                          ? `${r.oauthClient.name} (${r.oauthClient.clientId})`
                          : "—"}
                    </TableCell>
                    <TableCell>
                      <code className="text-xs">
                        {r.method} {r.route}
                      </code>
                    </TableCell>
                    <TableCell>
                      <Badge
                        variant={
                          r.status < 400 ? "success" : r.status < 500 ? "warning" : "destructive"
                        }
                      >
                        {r.status}
                      </Badge>
                      {r.errorCode ? (
                        <span className="ml-1 text-xs text-muted-foreground">{r.errorCode}</span>
                      ) : null}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{r.latencyMs} ms</TableCell>
                    <TableCell className="max-w-md">
                      <details className="text-xs">
                        <summary className="cursor-pointer text-muted-foreground">
                          {t("show")}
                        </summary>
                        <pre className="mt-1 whitespace-pre-wrap break-all">{`→ ${r.requestBody ?? ""}\n← ${r.responseBody ?? ""}`}</pre>
                      </details>
                    </TableCell>
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
