import { ShieldX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

export default async function Forbidden() {
  const t = await getTranslations("auth");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-6 text-center">
      <ShieldX className="size-12 text-destructive" aria-hidden />
      <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="max-w-md text-muted-foreground">{t("forbiddenBody")}</p>
      <Button asChild variant="outline">
        <Link href="/me">{t("goToMyPage")}</Link>
      </Button>
    </main>
  );
}
