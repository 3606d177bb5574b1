import { redirect } from "next/navigation";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ConsoleCallbackAlert } from "@/components/callbacks/console-callback-alert";
import { EmployeeSearchBox } from "@/components/employees/employee-search-box";
import { ConsoleShell } from "@/components/shell/console-shell";
import { getCurrentUser } from "@/lib/core/auth/current-user";
import { canView } from "@/lib/core/auth/permissions";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-orgbridge-path") ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return (
    <ConsoleShell
      roles={user.roles}
      user={<SignOutButton name={user.name ?? user.email ?? ""} />}
      search={canView(user.roles, "employees") ? <EmployeeSearchBox /> : null}
    >
      {canView(user.roles, "callbacks") ? <ConsoleCallbackAlert /> : null}
      {children}
    </ConsoleShell>
  );
}
