import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { DeliveryDetail } from "@/lib/callbacks/queries/get-delivery";

function HeaderList({ headers }: { headers: Record<string, string> }) {
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-3 gap-y-0.5 font-mono text-xs">
      {Object.entries(headers).map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-muted-foreground">{name}</dt>
          <dd className="break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One attempt: code, latency, error, the request headers as stored (masked), the response headers and body excerpt. */
export async function AttemptCard({ attempt }: { attempt: DeliveryDetail["attempts"][number] }) {
  const [t, format] = await Promise.all([getTranslations("callbacks.delivery"), getFormatter()]);
  const ok = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center gap-3">
        <CardTitle>{t("attempt", { n: attempt.attempt })}</CardTitle>
        <Badge
          variant={ok ? "success" : "destructive"}
          aria-label={`${t("statusCode")}: ${attempt.statusCode ?? t("noResponse")}`}
        >
          {attempt.statusCode ?? t("noResponse")}
        </Badge>
        <span className="text-xs text-muted-foreground">
          {t("latency")}: {format.number(attempt.latencyMs)} ms ·{" "}
          {format.dateTime(attempt.createdAt, { dateStyle: "short", timeStyle: "medium" })}
        </span>
      </CardHeader>
      <CardContent className="grid gap-4 lg:grid-cols-2">
        {attempt.error ? (
          <p className="text-sm text-destructive lg:col-span-2">
            <span className="font-medium">{t("error")}:</span> {attempt.error}
          </p>
        ) : null}
        <div className="flex flex-col gap-1">
          <h3 className="text-sm font-medium">{t("requestHeaders")}</h3>
          <HeaderList headers={attempt.requestHeaders} />
        </div>
        <div className="flex flex-col gap-1">
          <h3 className="text-sm font-medium">{t("responseHeaders")}</h3>
          {attempt.responseHeaders ? (
            <HeaderList headers={attempt.responseHeaders} />
          ) : (
            <p className="text-xs text-muted-foreground">{t("noResponse")}</p>
          )}
        </div>
        <div className="flex flex-col gap-1 lg:col-span-2">
          <h3 className="text-sm font-medium">{t("responseBody")}</h3>
          <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-xs">
            {attempt.responseExcerpt || t("empty")}
          </pre>
        </div>
      </CardContent>
    </Card>
  );
}
