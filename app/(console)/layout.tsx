import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/console-shell";
import { ROLES } from "@/lib/auth/permissions";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  return <ConsoleShell roles={[...ROLES]}>{children}</ConsoleShell>;
}
