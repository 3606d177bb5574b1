"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { AREAS, canView, type Role } from "@/lib/core/auth/permissions";
import { cn } from "@/lib/core/cn";
import { NAV_SECTIONS } from "./nav-items";

export function Sidebar({ roles }: { roles: Role[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="flex flex-col gap-5 p-3 text-sm">
      {NAV_SECTIONS.map((section) => {
        const items = section.items.filter((i) => canView(roles, i.area));
        if (!items.length) return null;
        return (
          <div key={section.key} className="flex flex-col gap-0.5">
            <p className="px-2 pb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">
              {t(`sections.${section.key}`)}
            </p>
            {items.map(({ area, icon: Icon }) => {
              const href = AREAS[area].path;
              const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
              return (
                <Link
                  key={area}
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-accent",
                    active && "bg-accent font-medium text-primary",
                  )}
                >
                  <Icon className="size-4" aria-hidden />
                  {t(`items.${area}`)}
                </Link>
              );
            })}
          </div>
        );
      })}
    </nav>
  );
}
