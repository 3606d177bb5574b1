import { Construction } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { Area } from "@/lib/core/auth/permissions";
import { requireArea } from "@/lib/core/auth/require-area";
import { PageHeader } from "./page-header";

/** An area whose issue has not landed yet: says so plainly, with the issue number. */
export async function ComingSoon({ area, issue }: { area: Area; issue: number }) {
  await requireArea(area);
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t(`nav.items.${area}`)} />
      <EmptyState icon={<Construction />} title={t("common.comingSoon")}>
        {t("common.comingSoonDetail", { issue })}
      </EmptyState>
    </>
  );
}
