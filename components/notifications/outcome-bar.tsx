import { useTranslations } from "next-intl";
import type { OutcomeCounts } from "@/lib/notifications/rules/outcome-counts";
import type { DeliveryStatus } from "@/lib/notifications/console-schemas";

/** Display order and colour of each delivery outcome (bars, legends, badges). */
export const OUTCOMES: { status: DeliveryStatus; color: string }[] = [
  { status: "SENT", color: "var(--success)" },
  { status: "DEFERRED", color: "var(--warning)" },
  { status: "SUPPRESSED", color: "var(--muted-foreground)" },
  { status: "FAILED", color: "var(--destructive)" },
  { status: "QUEUED", color: "color-mix(in oklch, var(--primary) 35%, transparent)" },
];

/** A thin stacked bar of outcomes; the counts are in its accessible name. */
export function OutcomeBar({ counts, className }: { counts: OutcomeCounts; className?: string }) {
  const t = useTranslations("notifications.outcomes");
  const total = OUTCOMES.reduce((n, o) => n + counts[o.status], 0);
  const label =
    OUTCOMES.filter((o) => counts[o.status] > 0)
      .map((o) => `${t(o.status)} ${counts[o.status]}`)
      .join(", ") || t("none");
  return (
    <div
      role="img"
      aria-label={label}
      title={label}
      className={className ?? "flex h-2 w-40 overflow-hidden rounded-full bg-muted"}
    >
      {total > 0
        ? OUTCOMES.map((o) =>
            counts[o.status] > 0 ? (
              <div
                key={o.status}
                style={{ width: `${(counts[o.status] / total) * 100}%`, background: o.color }}
              />
            ) : null,
          )
        : null}
    </div>
  );
}

/** Colour key for the bars. */
export function OutcomeLegend({ counts }: { counts?: OutcomeCounts }) {
  const t = useTranslations("notifications.outcomes");
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-muted-foreground" aria-hidden={!counts}>
      {OUTCOMES.map((o) => (
        <li key={o.status} className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 rounded-sm" style={{ background: o.color }} />
          {t(o.status)}
          {counts ? (
            <span className="tabular-nums text-foreground"> {counts[o.status]}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
