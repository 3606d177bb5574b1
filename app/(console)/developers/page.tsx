import { getTranslations } from "next-intl/server";
import { OperationCard, type OperationView } from "@/components/developers/operation-card";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/core/auth/require-area";
import { envSection } from "@/lib/core/env";
import { openApiDocument } from "@/lib/developers/openapi-document";
import { TOKEN_SCOPES } from "@/lib/tokens/rules/scopes";

export const dynamic = "force-dynamic";

/** The /api/v1 reference, rendered from the OpenAPI document the API serves. */
export default async function DevelopersPage() {
  await requireArea("developers");
  const t = await getTranslations("developers");
  const doc = openApiDocument();
  const limit = envSection("api").API_RATE_LIMIT_PER_MINUTE;
  const ttl = envSection("oauth").OAUTH_ACCESS_TOKEN_TTL_SECONDS;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Omit<OperationView, "method" | "path">>).map(
      ([method, op]) =>
        ({ ...op, method: method.toUpperCase(), path }) as OperationView & {
          tags?: string[];
        },
    ),
  );
  const tags = doc.tags.map((tag) => tag.name).filter((name) => name !== "Meta");
  const tokenCurl = [
    `curl -X POST "$ORGBRIDGE/api/oauth/token" \\`,
    `  -u "$CLIENT_ID:$CLIENT_SECRET" \\`,
    `  -d grant_type=client_credentials -d "scope=employees:read org:read"`,
  ].join("\n");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { version: doc.info.version })}
        actions={
          <a
            className="rounded-md border px-3 py-1.5 text-sm hover:bg-muted"
            href="/api/v1/openapi.json"
            download="orgbridge-openapi.json"
          >
            {t("download")}
          </a>
        }
      />
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>{t("startTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            <p>{t("auth")}</p>
            <pre tabIndex={0} className="overflow-auto rounded bg-muted p-2 text-xs">
              {tokenCurl}
            </pre>
            <p>{t("oauth", { ttl })}</p>
            <p>{t("rateLimits", { limit })}</p>
            <p>{t("errors")}</p>
            <pre tabIndex={0} className="overflow-auto rounded bg-muted p-2 text-xs">
              {`{"error": {"code": "invalid", "message": "…", "field": "limit", "requestId": "…"}}`}
            </pre>
            <p>{t("paging")}</p>
            <p>{t("versioning")}</p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("scopesTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b text-muted-foreground">
                  <th scope="col" className="py-1 pr-2 font-medium">
                    {t("scope")}
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    {t("allows")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {TOKEN_SCOPES.map((scope) => (
                  <tr key={scope} className="border-b last:border-0">
                    <td className="py-1 pr-2">
                      <code>{scope}</code>
                    </td>
                    <td className="py-1">{t(`scopes.${scope.replace(":", "_")}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
        <nav aria-label={t("endpointsNav")} className="flex flex-wrap gap-2 text-sm">
          {tags.map((tag) => (
            <a
              key={tag}
              href={`#tag-${tag.replace(/\s+/g, "-")}`}
              className="rounded border px-2 py-1 hover:bg-muted"
            >
              {tag}
            </a>
          ))}
        </nav>
        {tags.map((tag) => (
          <section
            key={tag}
            id={`tag-${tag.replace(/\s+/g, "-")}`}
            aria-labelledby={`tag-${tag}-h`}
            className="flex flex-col gap-3"
          >
            <h2 id={`tag-${tag}-h`} className="text-lg font-semibold">
              {tag}
            </h2>
            {operations
              .filter((op) => op.tags?.includes(tag))
              .map((op) => (
                <OperationCard key={op.operationId} op={op} />
              ))}
          </section>
        ))}
      </div>
    </>
  );
}
