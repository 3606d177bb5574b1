import { UserRoundPlus } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
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
import type { ScimConnectionSummary } from "@/lib/scim/queries/list-scim-connections";
import { CreateScimConnectionForm } from "./create-scim-connection-form";
import { ScimConnectionActions } from "./scim-connection-actions";

type Props = { rows: ScimConnectionSummary[]; endpoint: string };

/** The SCIM inbound section of the connections page: endpoint, create form, connections. */
export async function ScimConnections({ rows, endpoint }: Props) {
  const t = await getTranslations("scim");
  const format = await getFormatter();
  const now = new Date();
  return (
    <Card aria-labelledby="connections-scim">
      <CardHeader className="flex flex-col gap-1">
        <CardTitle id="connections-scim">{t("title")}</CardTitle>
        <CardDescription>{t("hint")}</CardDescription>
        <p className="text-sm">
          {t("endpoint")}: <code data-testid="scim-endpoint">{endpoint}</code>
        </p>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t("createTitle")}</h3>
          <p className="mb-3 text-xs text-muted-foreground">{t("createHint")}</p>
          <CreateScimConnectionForm />
        </div>
        {rows.length === 0 ? (
          <EmptyState icon={<UserRoundPlus />} title={t("empty")}>
            {t("emptyHint")}
          </EmptyState>
        ) : (
          <Table aria-label={t("tableLabel")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("name")}</TableHead>
                <TableHead>{t("token")}</TableHead>
                <TableHead>{t("pushed")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">{t("rotate")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className="font-medium">{c.name}</TableCell>
                  <TableCell>
                    <code className="text-xs">{c.tokenHint}…</code>
                    <p className="text-xs text-muted-foreground">
                      {t("rotatedAt", {
                        when: format.relativeTime(new Date(c.tokenRotatedAt), now),
                      })}
                    </p>
                  </TableCell>
                  <TableCell>
                    <p>{t("counts", { users: c.users, groups: c.groups })}</p>
                    <p className="text-xs text-muted-foreground">
                      {c.lastPushAt
                        ? t("lastPush", { when: format.relativeTime(c.lastPushAt, now) })
                        : t("neverPushed")}
                    </p>
                  </TableCell>
                  <TableCell>
                    {c.unmatchedDepartments > 0 ? (
                      <Badge variant="warning">
                        {t("unmatched", { count: c.unmatchedDepartments })}
                      </Badge>
                    ) : (
                      <Badge variant="success">{t("allMatched")}</Badge>
                    )}
                    {c.fallbackUnitCode ? (
                      <p className="mt-1 text-xs text-muted-foreground">
                        {t("fallback", { code: c.fallbackUnitCode })}
                      </p>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <ScimConnectionActions id={c.id} name={c.name} />
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
