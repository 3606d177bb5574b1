import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  CONFLICT_STATUSES,
  CONFLICT_TYPES,
  type ConflictFilter,
} from "@/lib/conflicts/conflict-queue-schemas";
import type { ConflictTypeCount } from "@/lib/conflicts/queries/count-conflicts-by-type";
import { cn } from "@/lib/core/cn";

type Props = {
  filter: ConflictFilter;
  counts: ConflictTypeCount[];
  connections: { id: string; name: string }[];
};

const select = "h-9 rounded-md border bg-card px-2 text-sm";

/** The queue's URL for a filter (page 1 unless given). */
export function conflictsHref(filter: Partial<ConflictFilter>, page = 1): string {
  const params = new URLSearchParams(
    Object.entries({
      status: filter.status ?? "ALL",
      type: filter.type ?? "",
      connectionId: filter.connectionId ?? "",
      q: filter.q ?? "",
      page: page > 1 ? String(page) : "",
    }).filter(([k, v]) => v && !(k === "status" && v === "OPEN")),
  );
  const query = params.toString();
  return query ? `/conflicts?${query}` : "/conflicts";
}

/** GET filter form (the URL keeps the view) and per-type counts as chips that filter. */
export function ConflictFilters({ filter, counts, connections }: Props) {
  const t = useTranslations("conflicts");
  const total = counts.reduce((n, c) => n + c.count, 0);
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <div className="flex flex-col gap-3">
      <form
        method="get"
        action="/conflicts"
        aria-label={t("filtersLabel")}
        className="flex flex-wrap items-end gap-3"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="conflict-status" className="text-xs font-medium text-muted-foreground">
            {t("status")}
          </label>
          <select
            id="conflict-status"
            name="status"
            defaultValue={filter.status ?? "ALL"}
            className={select}
          >
            <option value="ALL">{t("anyStatus")}</option>
            {CONFLICT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="conflict-type" className="text-xs font-medium text-muted-foreground">
            {t("type")}
          </label>
          <select
            id="conflict-type"
            name="type"
            defaultValue={filter.type ?? ""}
            className={select}
          >
            <option value="">{t("anyType")}</option>
            {CONFLICT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label
            htmlFor="conflict-connection"
            className="text-xs font-medium text-muted-foreground"
          >
            {t("connection")}
          </label>
          <select
            id="conflict-connection"
            name="connectionId"
            defaultValue={filter.connectionId ?? ""}
            className={select}
          >
            <option value="">{t("anyConnection")}</option>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="conflict-q" className="text-xs font-medium text-muted-foreground">
            {t("search")}
          </label>
          <Input
            id="conflict-q"
            name="q"
            defaultValue={filter.q ?? ""}
            placeholder={t("searchPlaceholder")}
            className="w-56"
          />
        </div>
        <Button type="submit" variant="outline">
          {t("filter")}
        </Button>
      </form>
      <nav aria-label={t("countsLabel")} className="flex flex-wrap gap-2">
        <Link
          href={conflictsHref({ ...filter, type: undefined })}
          aria-current={filter.type ? undefined : "page"}
          className={cn(
            "rounded-full border px-3 py-1 text-xs",
            !filter.type && "border-primary bg-primary/10",
          )}
        >
          {t("allTypes")} <span className="tabular-nums">{total}</span>
        </Link>
        {counts.map((c) => (
          <Link
            key={c.type}
            href={conflictsHref({ ...filter, type: c.type as ConflictFilter["type"] })}
            aria-current={filter.type === c.type ? "page" : undefined}
            className={cn(
              "relative overflow-hidden rounded-full border px-3 py-1 text-xs",
              filter.type === c.type && "border-primary",
            )}
          >
            <span
              aria-hidden
              className="absolute inset-y-0 left-0 bg-primary/10"
              style={{ width: `${(c.count / max) * 100}%` }}
            />
            <span className="relative">
              {t.has(`types.${c.type}`) ? t(`types.${c.type}`) : c.type}{" "}
              <span className="tabular-nums">{c.count}</span>
            </span>
          </Link>
        ))}
      </nav>
    </div>
  );
}
