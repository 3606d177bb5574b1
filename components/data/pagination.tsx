import Link from "next/link";
import { Button } from "@/components/ui/button";

/** Previous/next links that keep the current filters. */
export function Pagination({
  page,
  pages,
  params,
  labels,
}: {
  page: number;
  pages: number;
  params: Record<string, string | undefined>;
  labels: { prev: string; next: string; of: string };
}) {
  const href = (p: number) => {
    const q = new URLSearchParams(
      Object.entries({ ...params, page: String(p) }).filter(([, v]) => v) as [string, string][],
    );
    return `?${q}`;
  };
  return (
    <nav aria-label="pagination" className="mt-4 flex items-center justify-end gap-2 text-sm">
      <span className="text-muted-foreground">{labels.of}</span>
      <Button asChild variant="outline" size="sm" aria-disabled={page <= 1}>
        {page > 1 ? <Link href={href(page - 1)}>{labels.prev}</Link> : <span>{labels.prev}</span>}
      </Button>
      <Button asChild variant="outline" size="sm" aria-disabled={page >= pages}>
        {page < pages ? (
          <Link href={href(page + 1)}>{labels.next}</Link>
        ) : (
          <span>{labels.next}</span>
        )}
      </Button>
    </nav>
  );
}
