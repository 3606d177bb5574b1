import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ArchiveCategoryButton } from "@/components/notifications/archive-category-button";
import { CategoryBadges } from "@/components/notifications/category-badges";
import { CategoryForm } from "@/components/notifications/category-form";
import { DeliverySimulator } from "@/components/notifications/delivery-simulator";
import { VersionHistory } from "@/components/notifications/version-history";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { requireArea } from "@/lib/core/auth/require-area";
import { loadCompanyTimeZone } from "@/lib/core/time/load-company-time-zone";
import { getCategory } from "@/lib/notifications/queries/get-category";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string }> };

export default async function CategoryPage({ params }: Props) {
  await requireArea("notifications");
  const { key } = await params;
  const detail = await getCategory(decodeURIComponent(key));
  if (!detail) notFound();
  const [t, locale] = await Promise.all([getTranslations("notifications.categories"), getLocale()]);
  const { category, policy, versions } = detail;
  return (
    <>
      <PageHeader
        title={locale === "en" ? category.nameEn : category.nameZh}
        description={t("detailDescription", { key: category.key, version: category.version })}
        actions={
          <>
            <ArchiveCategoryButton id={category.id} archived={category.archived} />
            <Button asChild variant="outline">
              <Link href="/notifications">{t("backToList")}</Link>
            </Button>
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <CategoryBadges
          mandatory={category.mandatory}
          urgent={category.urgent}
          defaultOptIn={category.defaultOptIn}
        />
        <Badge variant="outline">{t("currentVersion", { version: category.version })}</Badge>
        {category.archived ? <Badge variant="warning">{t("archived")}</Badge> : null}
      </div>
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_28rem]">
        <div className="flex flex-col gap-4">
          {policy ? (
            <CategoryForm
              key={category.version}
              existing={{ id: category.id, version: category.version, policy }}
            />
          ) : (
            <Card>
              <CardContent className="pt-5 text-sm text-destructive" role="alert">
                {t("brokenPolicy")}
              </CardContent>
            </Card>
          )}
        </div>
        <div className="flex flex-col gap-4">
          {policy ? (
            <DeliverySimulator
              categoryKey={category.key}
              companyTimeZone={await loadCompanyTimeZone()}
            />
          ) : null}
          <VersionHistory versions={versions} current={category.version} />
        </div>
      </div>
    </>
  );
}
