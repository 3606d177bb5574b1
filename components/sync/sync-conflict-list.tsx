import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";

type Conflict = {
  id: string;
  type: string;
  subjectType: string;
  subjectKey: string;
  detail: string | null;
  status: "OPEN" | "RESOLVED" | "IGNORED";
};

/** The conflicts a run raised (or saw again). */
export function SyncConflictList({ conflicts, total }: { conflicts: Conflict[]; total: number }) {
  const t = useTranslations("sync");
  return (
    <Card role="region" aria-label={t("conflictsTitle")}>
      <CardHeader>
        <CardTitle>{t("conflictsTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="p-0">
        {conflicts.length === 0 ? (
          <p className="px-6 pb-6 text-sm text-muted-foreground">{t("noConflicts")}</p>
        ) : (
          <>
            <Table aria-label={t("conflictsLabel")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("conflictType")}</TableHead>
                  <TableHead>{t("subject")}</TableHead>
                  <TableHead>{t("detail")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {conflicts.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      <code className="text-xs">{c.type}</code>
                    </TableCell>
                    <TableCell className="text-xs">
                      <span className="text-muted-foreground">{c.subjectType}</span> {c.subjectKey}
                    </TableCell>
                    <TableCell className="text-xs">{c.detail ?? "—"}</TableCell>
                    <TableCell>
                      <Badge variant={c.status === "OPEN" ? "warning" : "outline"}>
                        {t(`conflictStatuses.${c.status}`)}
                      </Badge>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {total > conflicts.length ? (
              <p className="px-6 py-3 text-xs text-muted-foreground">
                {t("conflictsShown", { shown: conflicts.length, total })}
              </p>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
