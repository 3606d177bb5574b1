"use client";
import { LogIn } from "lucide-react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignInButton({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [busy, setBusy] = useState(false);
  // Before hydration the click would do nothing.
  const hydrated = useHydrated();
  return (
    <Button
      size="lg"
      className="w-full"
      disabled={busy || !hydrated}
      onClick={() => {
        setBusy(true);
        void signIn("oidc", { callbackUrl });
      }}
    >
      <LogIn aria-hidden />
      {busy ? t("redirecting") : t("signInWithSso")}
    </Button>
  );
}
