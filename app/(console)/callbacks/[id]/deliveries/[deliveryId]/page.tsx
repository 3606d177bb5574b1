import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AttemptCard } from "@/components/callbacks/attempt-card";
import { DeliveryStatusBadge } from "@/components/callbacks/delivery-status-badge";
import { ResendDeliveryButton } from "@/components/callbacks/resend-delivery-button";
import { RunAutoRefresh } from "@/components/jobs/run-auto-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/core/auth/require-area";
import { ACTIVE_DELIVERY_STATUSES } from "@/lib/callbacks/callback-console-schemas";
import { getDelivery } from "@/lib/callbacks/queries/get-delivery";
import { getEndpoint } from "@/lib/callbacks/queries/get-endpoint";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; deliveryId: string }> };

export default async function DeliveryPage({ params }: Props) {
  await requireArea("callbacks");
  const { id, deliveryId } = await params;
  const [endpoint, delivery] = await Promise.all([getEndpoint(id), getDelivery(id, deliveryId)]);
  if (!endpoint || !delivery) notFound();
  const [t, format] = await Promise.all([getTranslations("callbacks"), getFormatter()]);
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" }) : "—";
  const active = ACTIVE_DELIVERY_STATUSES.includes(delivery.status);
  return (
    <>
      <RunAutoRefresh active={active} />
      <PageHeader
        title={t("delivery.title", { type: delivery.event.type })}
        description={endpoint.name}
        actions={
          <>
            <ResendDeliveryButton deliveryId={delivery.id} disabled={active || !endpoint.enabled} />
            <Button asChild variant="outline">
              <Link href={`/callbacks/${id}`}>{t("delivery.back", { name: endpoint.name })}</Link>
            </Button>
          </>
        }
      />
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader className="flex-row items-center gap-3">
            <CardTitle>{t("delivery.event")}</CardTitle>
            <DeliveryStatusBadge
              status={delivery.status}
              label={t(`statuses.${delivery.status}`)}
            />
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted-foreground">{t("delivery.eventId")}</dt>
              <dd>
                <code className="break-all text-xs">{delivery.event.id}</code>
              </dd>
              <dt className="text-muted-foreground">{t("delivery.occurred")}</dt>
              <dd>{when(delivery.event.occurredAt)}</dd>
              <dt className="text-muted-foreground">{t("delivery.source")}</dt>
              <dd>
                <code className="text-xs">{delivery.event.source}</code>
              </dd>
              <dt className="text-muted-foreground">{t("delivery.created")}</dt>
              <dd>{when(delivery.createdAt)}</dd>
              <dt className="text-muted-foreground">{t("delivery.completed")}</dt>
              <dd>{when(delivery.completedAt)}</dd>
            </dl>
            <details>
              <summary className="cursor-pointer text-sm font-medium">
                {t("delivery.payload")}
              </summary>
              <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-xs">
                {JSON.stringify(delivery.event.data, null, 2)}
              </pre>
            </details>
          </CardContent>
        </Card>
        <section aria-labelledby="attempts-title" className="flex flex-col gap-3">
          <h2 id="attempts-title" className="text-base font-semibold">
            {t("delivery.attemptsTitle")}
          </h2>
          {delivery.attempts.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("delivery.noAttempts")}</p>
          ) : null}
          {delivery.attempts.map((a) => (
            <AttemptCard key={a.id} attempt={a} />
          ))}
        </section>
      </div>
    </>
  );
}
