import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ImPreviewParams } from "@/lib/sandbox/console/im-preview-schema";
import type { ImMemberMatch } from "@/lib/sandbox/console/search-im-members";
import { imPreviewHref } from "./im-preview-href";

/** A GET search for members by name or userid; the query stays in the URL like the rest of the preview. */
export async function ImMemberSearch({
  params,
  matches,
  cap,
}: {
  params: Partial<ImPreviewParams>;
  matches: ImMemberMatch[] | null;
  cap: number;
}) {
  const t = await getTranslations("imPreview");
  return (
    <div className="flex flex-col gap-2">
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        {params.dept ? <input type="hidden" name="dept" value={params.dept} /> : null}
        <div className="flex min-w-56 flex-1 flex-col gap-1">
          <label htmlFor="inbox-search" className="text-xs font-medium text-muted-foreground">
            {t("searchLabel")}
          </label>
          <Input
            id="inbox-search"
            name="q"
            type="search"
            defaultValue={params.q ?? ""}
            placeholder={t("searchPlaceholder")}
          />
        </div>
        <Button type="submit" variant="outline">
          {t("search")}
        </Button>
      </form>
      {matches && params.q ? (
        matches.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noMatches", { query: params.q })}</p>
        ) : (
          <div>
            <p id="search-results" className="mb-1 text-xs text-muted-foreground">
              {t("searchResults", { query: params.q })}
            </p>
            <ul aria-labelledby="search-results" className="flex flex-wrap gap-2">
              {matches.map((m) => (
                <li key={m.userid}>
                  <Link
                    href={imPreviewHref(params, { user: m.userid, before: null })}
                    aria-current={
                      params.user?.toLowerCase() === m.userid.toLowerCase() ? "true" : undefined
                    }
                    className="inline-flex items-center gap-1 rounded-full border px-2.5 py-1 text-xs hover:bg-accent aria-[current=true]:bg-accent"
                  >
                    {m.name} <code className="text-muted-foreground">{m.userid}</code>
                    {m.enabled ? null : <span className="text-destructive">· {t("disabled")}</span>}
                  </Link>
                </li>
              ))}
            </ul>
            {matches.length >= cap ? (
              <p className="mt-1 text-xs text-muted-foreground">
                {t("resultsCapped", { count: cap })}
              </p>
            ) : null}
          </div>
        )
      ) : null}
    </div>
  );
}
