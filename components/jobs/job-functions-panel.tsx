import { Workflow } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
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
import type { JobFunctionRow } from "@/lib/jobs/queries/list-job-functions";

/** Registered functions: flow-control settings, events flow control skipped, and refusals. */
export async function JobFunctionsPanel({ functions }: { functions: JobFunctionRow[] }) {
  const t = await getTranslations("jobs.functions");
  const refused = functions.filter((f) => f.refusal);
  return (
    <Card className="mt-6" aria-labelledby="job-functions-title">
      <CardHeader>
        <CardTitle id="job-functions-title">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="p-0">
        {refused.length > 0 ? (
          <div
            role="alert"
            className="mx-6 mb-4 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm"
          >
            <p className="font-medium text-destructive">
              {t("refusedCount", { count: refused.length })}
            </p>
            <ul className="mt-1 list-disc pl-5">
              {refused.map((f) => (
                <li key={f.id} className="break-words">
                  {f.refusal}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {functions.length === 0 ? (
          <div className="p-6">
            <EmptyState icon={<Workflow />} title={t("empty")}>
              {t("emptyHint")}
            </EmptyState>
          </div>
        ) : (
          <Table aria-label={t("title")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("function")}</TableHead>
                <TableHead>{t("state")}</TableHead>
                <TableHead>{t("flowControl")}</TableHead>
                <TableHead className="text-right">{t("skipped")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {functions.map((f) => (
                <TableRow key={f.id}>
                  <TableCell>
                    <div className="font-medium">{f.name}</div>
                    <code className="text-xs text-muted-foreground">{f.id}</code>
                  </TableCell>
                  <TableCell>
                    {f.refusal ? (
                      <Badge variant="destructive" title={f.refusal}>
                        {t("refused")}
                      </Badge>
                    ) : (
                      <Badge variant="success">{t("runnable")}</Badge>
                    )}
                  </TableCell>
                  <TableCell>
                    {f.flow.length === 0 ? (
                      <span className="text-xs text-muted-foreground">{t("none")}</span>
                    ) : (
                      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
                        {f.flow.map((s) => (
                          <div key={s.option} className="contents">
                            <dt className="font-medium">{s.option}</dt>
                            <dd className="break-all">
                              <code>{s.value}</code>
                            </dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{f.skipped24h}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
