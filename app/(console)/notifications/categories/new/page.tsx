import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CategoryForm } from "@/components/notifications/category-form";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireArea } from "@/lib/core/auth/require-area";

export default async function NewCategoryPage() {
  await requireArea("notifications", "edit");
  const t = await getTranslations("notifications.categories");
  return (
    <>
      <PageHeader
        title={t("newTitle")}
        description={t("newDescription")}
        actions={
          <Button asChild variant="outline">
            <Link href="/notifications">{t("backToList")}</Link>
          </Button>
        }
      />
      <CategoryForm />
    </>
  );
}
