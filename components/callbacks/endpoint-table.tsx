import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { EndpointRow } from "@/lib/callbacks/queries/list-endpoints";
import { cn } from "@/lib/core/cn";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { EndpointStateBadge } from "./endpoint-state-badge";
import { SuccessRateMeter } from "./success-rate-meter";

export async function EndpointTable({ endpoints, now }: { endpoints: EndpointRow[]; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("callbacks"), getFormatter()]);
  return (
    <Table aria-label={t("tableLabel")}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("col.name")}</TableHead>
          <TableHead>{t("col.url")}</TableHead>
          <TableHead>{t("col.types")}</TableHead>
          <TableHead>{t("col.state")}</TableHead>
          <TableHead>{t("col.successRate")}</TableHead>
          <TableHead>{t("col.lastDelivery")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {endpoints.map((e) => {
          const total = e.succeeded24h + e.failed24h;
          const rate = total ? Math.round((e.succeeded24h / total) * 1000) / 10 : 0;
          const off = e.disabledKind === "auto" || e.disabledKind === "gone";
          return (
            <TableRow key={e.id} className={cn(off && "bg-destructive/5")}>
              <TableCell className="font-medium">
                <Link
                  href={`/callbacks/${e.id}`}
                  className="text-primary underline-offset-4 hover:underline"
                >
                  {e.name}
                </Link>
                {e.description ? (
                  <p className="max-w-56 truncate text-xs font-normal text-muted-foreground">
                    {e.description}
                  </p>
                ) : null}
              </TableCell>
              <TableCell>
                <code className="block max-w-72 truncate text-xs" title={e.url}>
                  {e.url}
                </code>
              </TableCell>
              <TableCell className="whitespace-nowrap text-xs" title={e.eventTypes.join(", ")}>
                {t("typesCount", { count: e.eventTypes.length })}
              </TableCell>
              <TableCell>
                <EndpointStateBadge
                  kind={e.disabledKind}
                  label={t(`states.${e.disabledKind ?? "enabled"}`)}
                />
                {e.enabled && e.failingSince ? (
                  <p className="mt-1 text-xs text-destructive">
                    {t("failingSince", { when: format.relativeTime(e.failingSince, now) })}
                  </p>
                ) : null}
              </TableCell>
              <TableCell>
                <SuccessRateMeter
                  succeeded={e.succeeded24h}
                  failed={e.failed24h}
                  label={t("rateFigure", { rate, total })}
                  emptyLabel={t("noAttempts")}
                />
              </TableCell>
              <TableCell className="text-xs">
                {e.lastDelivery ? (
                  <div className="flex flex-col items-start gap-1">
                    <DeliveryStatusBadge
                      status={e.lastDelivery.status}
                      label={t(`statuses.${e.lastDelivery.status}`)}
                    />
                    <span className="text-muted-foreground">
                      {format.relativeTime(e.lastDelivery.at, now)} ·{" "}
                      <code>{e.lastDelivery.eventType}</code>
                    </span>
                  </div>
                ) : (
                  <span className="text-muted-foreground">{t("never")}</span>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
