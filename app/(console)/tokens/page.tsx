import { KeyRound } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
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
import { listTokens } from "@/lib/tokens/queries/list-tokens";

export const dynamic = "force-dynamic";

export default async function TokensPage() {
  await requireArea("tokens");
  const t = await getTranslations("tokens");
  const format = await getFormatter();
  const tokens = await listTokens();
  const now = new Date();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-4">
        <CreateTokenForm />
        <Card>
          <CardContent className="p-0">
            {tokens.length === 0 ? (
              <div className="p-6">
                <EmptyState icon={<KeyRound />} title={t("empty")}>
                  {t("emptyHint")}
                </EmptyState>
              </div>
            ) : (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("name")}</TableHead>
                    <TableHead>{t("prefix")}</TableHead>
                    <TableHead>{t("scopes")}</TableHead>
                    <TableHead>{t("state")}</TableHead>
                    <TableHead>{t("lastUsed")}</TableHead>
                    <TableHead />
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {tokens.map((tok) => {
                    const state = tok.revokedAt
                      ? "revoked"
                      : tok.expiresAt && tok.expiresAt <= now
                        ? "expired"
                        : "active";
                    return (
                      <TableRow key={tok.id}>
                        <TableCell className="font-medium">{tok.name}</TableCell>
                        <TableCell>
                          <code className="text-xs">obt_{tok.prefix}_…</code>
                        </TableCell>
                        <TableCell className="flex flex-wrap gap-1">
                          {tok.scopes.map((s) => (
                            <Badge key={s} variant="outline">
                              {s}
                            </Badge>
                          ))}
                        </TableCell>
                        <TableCell>
                          <Badge variant={state === "active" ? "success" : "destructive"}>
                            {t(`states.${state}`)}
                          </Badge>
                          {tok.expiresAt && state === "active" ? (
                            <span className="ml-2 text-xs text-muted-foreground">
                              {t("expires", { when: format.relativeTime(tok.expiresAt, now) })}
                            </span>
                          ) : null}
                          {tok.ipAllowList.length ? (
                            <p className="text-xs text-muted-foreground">
                              IP: {tok.ipAllowList.join(", ")}
                            </p>
                          ) : null}
                        </TableCell>
                        <TableCell className="text-xs">
                          {tok.lastUsedAt
                            ? `${format.relativeTime(tok.lastUsedAt, now)} · ${tok.lastUsedIp ?? ""}`
                            : t("never")}
                        </TableCell>
                        <TableCell className="text-right">
                          {state === "active" ? (
                            <RevokeTokenButton id={tok.id} name={tok.name} />
                          ) : null}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
