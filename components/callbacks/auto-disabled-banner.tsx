import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Names the endpoints the engine switched off, each linked to its page. Renders nothing when none is. */
export async function AutoDisabledBanner({
  endpoints,
}: {
  endpoints: { id: string; name: string }[];
}) {
  if (endpoints.length === 0) return null;
  const t = await getTranslations("callbacks");
  return (
    <div
      role="alert"
      className="mb-4 flex gap-3 rounded-lg border border-destructive/50 bg-destructive/10 p-4 text-sm"
    >
      <TriangleAlert aria-hidden className="mt-0.5 size-5 shrink-0 text-destructive" />
      <div className="flex flex-col gap-1">
        <p className="font-medium">{t("banner.title", { count: endpoints.length })}</p>
        <p className="text-muted-foreground">{t("banner.body")}</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {endpoints.map((e) => (
            <li key={e.id}>
              <Link
                href={`/callbacks/${e.id}`}
                className="font-medium text-primary underline-offset-4 hover:underline"
                aria-label={t("banner.open", { name: e.name })}
              >
                {e.name}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
