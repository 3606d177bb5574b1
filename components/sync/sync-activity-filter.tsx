import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/core/cn";
import {
  ACTIVITY_RANGES,
  SYNC_KIND_FILTERS,
  type ActivityRange,
  type SyncRunListInput,
} from "@/lib/sync/sync-run-schemas";
import { syncActivityHref } from "./sync-activity-href";

const pill = (active: boolean) =>
  cn(
    "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
    active
      ? "bg-primary text-primary-foreground"
      : "text-muted-foreground hover:bg-muted hover:text-foreground",
  );

/** Kind and period as links in the address, so a filtered view can be bookmarked and shared. */
export function SyncActivityFilter({ filter }: { filter: SyncRunListInput }) {
  const t = useTranslations("sync");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <nav aria-label={t("filterLabel")} className="flex flex-wrap gap-1 rounded-lg border p-1">
        {SYNC_KIND_FILTERS.map((kind) => {
          const active = filter.kind === kind && !filter.hour;
          return (
            <Link
              key={kind}
              href={syncActivityHref({ kind, range: filter.range })}
              aria-current={active ? "page" : undefined}
              className={pill(filter.kind === kind)}
            >
              {t(`kindFilters.${kind}`)}
            </Link>
          );
        })}
      </nav>
      <nav aria-label={t("rangeLabel")} className="flex gap-1 rounded-lg border p-1">
        {(Object.keys(ACTIVITY_RANGES) as ActivityRange[]).map((range) => (
          <Link
            key={range}
            href={syncActivityHref({ kind: filter.kind, range })}
            aria-current={filter.range === range ? "page" : undefined}
            className={pill(filter.range === range)}
          >
            {t(`ranges.${range}`)}
          </Link>
        ))}
      </nav>
    </div>
  );
}
