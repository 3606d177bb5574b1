import { Plus } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CategoryTable } from "@/components/notifications/category-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireArea } from "@/lib/core/auth/require-area";
import { listCategories } from "@/lib/notifications/queries/list-categories";

export const dynamic = "force-dynamic";

export default async function NotificationCategoriesPage() {
  await requireArea("notifications");
  const [t, categories] = await Promise.all([getTranslations("notifications"), listCategories()]);
  return (
    <>
      <PageHeader
        title={t("categories.title")}
        description={t("categories.description")}
        actions={
          <Button asChild>
            <Link href="/notifications/categories/new">
              <Plus aria-hidden />
              {t("categories.new")}
            </Link>
          </Button>
        }
      />
      <CategoryTable categories={categories} />
    </>
  );
}
