import { KeyRound } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { CreateOAuthClientForm } from "@/components/tokens/create-oauth-client-form";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { OAuthClientList } from "@/components/tokens/oauth-client-list";
import { RateLimitEditor } from "@/components/tokens/rate-limit-editor";
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
import { envSection } from "@/lib/core/env";
import { listOAuthClients } from "@/lib/oauth/queries/list-oauth-clients";
import { listTokens } from "@/lib/tokens/queries/list-tokens";

export const dynamic = "force-dynamic";

export default async function TokensPage() {
  await requireArea("tokens");
  const t = await getTranslations("tokens");
  const format = await getFormatter();
  const [tokens, clients] = await Promise.all([listTokens(), listOAuthClients()]);
  const defaultLimit = envSection("api").API_RATE_LIMIT_PER_MINUTE;
  const now = new Date();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-4">
        <CreateTokenForm defaultLimit={defaultLimit} />
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
                    <TableHead>{t("rateLimit")}</TableHead>
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
                        <TableCell>
                          <RateLimitEditor
                            kind="token"
                            id={tok.id}
                            name={tok.name}
                            value={tok.rateLimitPerMinute}
                            defaultLimit={defaultLimit}
                            editable={state === "active"}
                          />
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
        <CreateOAuthClientForm
          defaultLimit={defaultLimit}
          tokenMinutes={Math.round(envSection("oauth").OAUTH_ACCESS_TOKEN_TTL_SECONDS / 60)}
        />
        <OAuthClientList clients={clients} defaultLimit={defaultLimit} />
      </div>
    </>
  );
}
