import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInButton } from "@/components/auth/sign-in-button";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/core/auth/current-user";
import { homePath } from "@/lib/core/auth/permissions";
import { safeCallbackPath } from "@/lib/core/auth/safe-callback-path";
import { env } from "@/lib/core/env";

export const dynamic = "force-dynamic";

const KNOWN_ERRORS = [
  "OAuthCallback",
  "OAuthSignin",
  "AccessDenied",
  "NotAnEmployee",
  "Callback",
  "SessionRequired",
  "OAuthAccountNotLinked",
] as const;

/** Only same-origin paths, so the sign-in page cannot be used to bounce people elsewhere. */
function safeCallback(url: string | undefined): string {
  return safeCallbackPath(url, env().NEXTAUTH_URL);
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const user = await getCurrentUser();
  if (user && !error) redirect(callbackUrl ? safeCallback(callbackUrl) : homePath(user.roles));
  const t = await getTranslations("auth");
  const errorKey = error
    ? (KNOWN_ERRORS as readonly string[]).includes(error)
      ? error
      : "Default"
    : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-6">
      <div className="absolute right-4 top-4">
        <LocaleSwitcher />
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader className="items-center text-center">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/favicon.svg" alt="" className="mb-2 size-10" />
          <CardTitle className="text-xl">OrgBridge</CardTitle>
          <CardDescription>{t("signInSubtitle")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {errorKey ? (
            <p role="alert" className="rounded-md bg-destructive/10 p-3 text-sm text-destructive">
              {t(`errors.${errorKey}`)}
            </p>
          ) : null}
          <SignInButton callbackUrl={safeCallback(callbackUrl)} />
        </CardContent>
      </Card>
    </main>
  );
}
