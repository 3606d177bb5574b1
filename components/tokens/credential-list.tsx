import type { ReactElement, ReactNode } from "react";
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
import { RateLimitEditor } from "./rate-limit-editor";

/** One API token or OAuth client as the list shows it. */
export type CredentialRow = {
  id: string;
  name: string;
  /** What identifies it without its secret (token prefix, client_id). */
  identifier: string;
  scopes: string[];
  ipAllowList: string[];
  rateLimitPerMinute: number | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
};

/**
 * The tokens page's tables of API tokens and of OAuth clients: name, identifier, scopes, state (expiry,
 * IP allow-list), own rate limit, last use, and the actions of a credential still active.
 */
export async function CredentialList({
  rows,
  kind,
  defaultLimit,
  label,
  headers,
  empty,
  actions,
}: {
  rows: CredentialRow[];
  /** Whose rate limit the editor sets. */
  kind: "token" | "client";
  defaultLimit: number;
  /** The table's accessible name. */
  label?: string;
  headers: { name: string; identifier: string; rateLimit: string; lastUsed: string };
  empty: { icon: ReactElement; title: string; hint: string };
  /** The buttons of an active row. */
  actions: (row: CredentialRow) => ReactNode;
}) {
  const t = await getTranslations("tokens");
  const format = await getFormatter();
  const now = new Date();
  return (
    <Card>
      <CardContent className="p-0">
        {rows.length === 0 ? (
          <div className="p-6">
            <EmptyState icon={empty.icon} title={empty.title}>
              {empty.hint}
            </EmptyState>
          </div>
        ) : (
          <Table aria-label={label}>
            <TableHeader>
              <TableRow>
                <TableHead>{headers.name}</TableHead>
                <TableHead>{headers.identifier}</TableHead>
                <TableHead>{t("scopes")}</TableHead>
                <TableHead>{t("state")}</TableHead>
                <TableHead>{headers.rateLimit}</TableHead>
                <TableHead>{headers.lastUsed}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => {
                const state = row.revokedAt
                  ? "revoked"
                  : row.expiresAt && row.expiresAt <= now
                    ? "expired"
                    : "active";
                return (
                  <TableRow key={row.id}>
                    <TableCell className="font-medium">{row.name}</TableCell>
                    <TableCell>
                      <code className="text-xs">{row.identifier}</code>
                    </TableCell>
                    <TableCell className="flex flex-wrap gap-1">
                      {row.scopes.map((s) => (
                        <Badge key={s} variant="outline">
                          {s}
                        </Badge>
                      ))}
                    </TableCell>
                    <TableCell>
                      <Badge variant={state === "active" ? "success" : "destructive"}>
                        {t(`states.${state}`)}
                      </Badge>
                      {row.expiresAt && state === "active" ? (
                        <span className="ml-2 text-xs text-muted-foreground">
                          {t("expires", { when: format.relativeTime(row.expiresAt, now) })}
                        </span>
                      ) : null}
                      {row.ipAllowList.length ? (
                        <p className="text-xs text-muted-foreground">
                          IP: {row.ipAllowList.join(", ")}
                        </p>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <RateLimitEditor
                        kind={kind}
                        id={row.id}
                        name={row.name}
                        value={row.rateLimitPerMinute}
                        defaultLimit={defaultLimit}
                        editable={state === "active"}
                      />
                    </TableCell>
                    <TableCell className="text-xs">
                      {row.lastUsedAt
                        ? `${format.relativeTime(row.lastUsedAt, now)} · ${row.lastUsedIp ?? ""}`
                        : t("never")}
                    </TableCell>
                    <TableCell className="text-right">
                      {state === "active" ? actions(row) : null}
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
