import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@/lib/core/auth/permissions";
import { LocaleSwitcher } from "./locale-switcher";
import { Sidebar } from "./sidebar";
import { ThemeToggle } from "./theme-toggle";

export function ConsoleShell({
  roles,
  user,
  search,
  children,
}: {
  roles: Role[];
  user?: ReactNode;
  /** The employee search box, for roles that may see employees. */
  search?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 overflow-y-auto border-r bg-card md:block">
        <Link href="/" className="flex items-center gap-2 px-5 py-4 font-semibold">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/favicon.svg" alt="" className="size-6" />
          OrgBridge
        </Link>
        <Sidebar roles={roles} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex h-14 items-center justify-end gap-1 border-b bg-background/80 px-4 backdrop-blur">
          {search}
          <LocaleSwitcher />
          <ThemeToggle />
          {user}
        </header>
        <main id="main" className="flex-1 p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
