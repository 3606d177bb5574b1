import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConflictFilters, conflictsHref } from "@/components/conflicts/conflict-filters";
import { ConflictQueue } from "@/components/conflicts/conflict-queue";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireArea } from "@/lib/core/auth/require-area";
import { conflictFilterSchema } from "@/lib/conflicts/conflict-queue-schemas";
import { countConflictsByType } from "@/lib/conflicts/queries/count-conflicts-by-type";
import { listConflictConnections } from "@/lib/conflicts/queries/list-conflict-connections";
import { listConflicts } from "@/lib/conflicts/queries/list-conflicts";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConflictsPage({ searchParams }: Props) {
  await requireArea("conflicts");
  const raw = await searchParams;
  const parsed = conflictFilterSchema.safeParse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const filter = parsed.success ? parsed.data : conflictFilterSchema.parse({});
  const [t, page, counts, connections] = await Promise.all([
    getTranslations("conflicts"),
    listConflicts(filter),
    countConflictsByType(filter),
    listConflictConnections(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-4">
        <ConflictFilters filter={filter} counts={counts} connections={connections} />
        <p className="text-xs text-muted-foreground" aria-live="polite">
          {t("total", { count: page.total })} ·{" "}
          {t("page", { page: page.page, pages: page.pageCount })}
        </p>
        <ConflictQueue
          key={`${filter.status}-${filter.type}-${filter.page}`}
          conflicts={page.conflicts}
        />
        {page.pageCount > 1 ? (
          <nav aria-label={t("tableLabel")} className="flex justify-end gap-2">
            {page.page > 1 ? (
              <Button asChild variant="outline" size="sm">
                <Link href={conflictsHref(filter, page.page - 1)}>{t("previous")}</Link>
              </Button>
            ) : null}
            {page.page < page.pageCount ? (
              <Button asChild variant="outline" size="sm">
                <Link href={conflictsHref(filter, page.page + 1)}>{t("next")}</Link>
              </Button>
            ) : null}
          </nav>
        ) : null}
      </div>
    </>
  );
}
