"use client";
import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignOutButton({ name }: { name: string }) {
  const t = useTranslations("auth");
  // Before hydration the click would do nothing.
  const hydrated = useHydrated();
  return (
    <div className="flex items-center gap-2 pl-2 text-sm">
      <span className="hidden text-muted-foreground sm:inline" data-testid="signed-in-as">
        {name}
      </span>
      <Button
        variant="ghost"
        size="sm"
        disabled={!hydrated}
        onClick={() => void signOut({ callbackUrl: "/signin" })}
      >
        <LogOut aria-hidden />
        {t("signOut")}
      </Button>
    </div>
  );
}
