"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/core/cn";

const TABS = [
  {
    key: "categories",
    href: "/notifications",
    match: (p: string) => p === "/notifications" || p.startsWith("/notifications/categories"),
  },
  {
    key: "compose",
    href: "/notifications/compose",
    match: (p: string) => p.startsWith("/notifications/compose"),
  },
  {
    key: "log",
    href: "/notifications/log",
    match: (p: string) => p.startsWith("/notifications/log"),
  },
] as const;

/** The notifications area's sub-pages as links styled as tabs (each is its own URL). */
export function NotificationsTabs() {
  const t = useTranslations("notifications.tabs");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="mb-6 flex gap-1 border-b">
      {TABS.map((tab) => {
        const current = tab.match(pathname);
        return (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-4 py-2 text-sm font-medium transition-colors",
              current
                ? "border-primary text-foreground"
                : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {t(tab.key)}
          </Link>
        );
      })}
    </nav>
  );
}
