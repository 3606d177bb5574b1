import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { ScheduledChangesTable } from "@/components/lifecycle/scheduled-changes-table";
import { requireArea } from "@/lib/core/auth/require-area";
import { listScheduledChanges } from "@/lib/lifecycle/queries/list-scheduled-changes";

export const dynamic = "force-dynamic";

export default async function ScheduledChangesPage() {
  await requireArea("sync");
  const [t, rows] = await Promise.all([getTranslations("lifecycle"), listScheduledChanges()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ScheduledChangesTable rows={rows} />
    </>
  );
}
