import { readFile } from "node:fs/promises";
import path from "node:path";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { GuideMarkdown } from "@/components/callbacks/guide-markdown";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { requireArea } from "@/lib/core/auth/require-area";

export const dynamic = "force-dynamic";

/** docs/callbacks-receiver{,.zh-CN}.md as the console shows it: the same text as the repository, kept true by its unit test. */
export default async function ReceiverGuidePage() {
  await requireArea("callbacks");
  const [t, locale] = await Promise.all([getTranslations("callbacks"), getLocale()]);
  const file = locale === "zh-CN" ? "callbacks-receiver.zh-CN.md" : "callbacks-receiver.md";
  const source = await readFile(path.join(process.cwd(), "docs", file), "utf8");
  return (
    <>
      <PageHeader
        title={t("receiverGuide")}
        description={t("receiverGuideHint")}
        actions={
          <Button asChild variant="outline">
            <Link href="/callbacks">{t("backToList")}</Link>
          </Button>
        }
      />
      <Card lang={locale}>
        <CardContent className="pt-5">
          <GuideMarkdown source={source} />
        </CardContent>
      </Card>
    </>
  );
}
