import { ShieldCheck } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
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
import { OAuthClientActions } from "./oauth-client-actions";
import { RateLimitEditor } from "./rate-limit-editor";

type ClientRow = {
  id: string;
  name: string;
  clientId: string;
  scopes: string[];
  ipAllowList: string[];
  rateLimitPerMinute: number | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
};

/** The OAuth clients table of the tokens page. */
export async function OAuthClientList({
  clients,
  defaultLimit,
}: {
  clients: ClientRow[];
  defaultLimit: number;
}) {
  const t = await getTranslations("oauthClients");
  const tt = await getTranslations("tokens");
  const format = await getFormatter();
  const now = new Date();
  return (
    <Card>
      <CardContent className="p-0">
        {clients.length === 0 ? (
          <div className="p-6">
            <EmptyState icon={<ShieldCheck />} title={t("empty")}>
              {t("emptyHint")}
            </EmptyState>
          </div>
        ) : (
          <Table aria-label={t("title")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("name")}</TableHead>
                <TableHead>client_id</TableHead>
                <TableHead>{tt("scopes")}</TableHead>
                <TableHead>{tt("state")}</TableHead>
                <TableHead>{t("rateLimit")}</TableHead>
                <TableHead>{t("lastToken")}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {clients.map((c) => {
                const state = c.revokedAt
                  ? "revoked"
                  : c.expiresAt && c.expiresAt <= now
                    ? "expired"
                    : "active";
                return (
                  <TableRow key={c.id}>
                    <TableCell className="font-medium">{c.name}</TableCell>
                    <TableCell>
                      <code className="text-xs">{c.clientId}</code>
                    </TableCell>
                    <TableCell className="flex flex-wrap gap-1">
                      {c.scopes.map((s) => (
                        <Badge key={s} variant="outline">
                          {s}
                        </Badge>
                      ))}
                    </TableCell>
                    <TableCell>
                      <Badge variant={state === "active" ? "success" : "destructive"}>
                        {tt(`states.${state}`)}
                      </Badge>
                      {c.expiresAt && state === "active" ? (
                        <span className="ml-2 text-xs text-muted-foreground">
                          {tt("expires", { when: format.relativeTime(c.expiresAt, now) })}
                        </span>
                      ) : null}
                      {c.ipAllowList.length ? (
                        <p className="text-xs text-muted-foreground">
                          IP: {c.ipAllowList.join(", ")}
                        </p>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <RateLimitEditor
                        kind="client"
                        id={c.id}
                        name={c.name}
                        value={c.rateLimitPerMinute}
                        defaultLimit={defaultLimit}
                        editable={state === "active"}
                      />
                    </TableCell>
                    <TableCell className="text-xs">
                      {c.lastUsedAt
                        ? `${format.relativeTime(c.lastUsedAt, now)} · ${c.lastUsedIp ?? ""}`
                        : tt("never")}
                    </TableCell>
                    <TableCell className="text-right">
                      {state === "active" ? <OAuthClientActions id={c.id} name={c.name} /> : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
