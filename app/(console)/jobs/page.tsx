import { Settings } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { JobFunctionsPanel } from "@/components/jobs/job-functions-panel";
import { JobRunsTable } from "@/components/jobs/job-runs-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireArea } from "@/lib/core/auth/require-area";
import { envSection } from "@/lib/core/env";
import { listJobFunctions } from "@/lib/jobs/queries/list-job-functions";
import { listRuns, runFilterSchema } from "@/lib/jobs/queries/list-runs";

export const dynamic = "force-dynamic";

export default async function JobsPage() {
  await requireArea("jobs");
  const [t, tr] = await Promise.all([getTranslations("jobs"), getTranslations("retention")]);
  const [initial, functions] = await Promise.all([
    listRuns(runFilterSchema.parse({})),
    listJobFunctions(),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t(
          envSection("jobs").ORGBRIDGE_EMBEDDED_EXECUTOR
            ? "descriptionEmbedded"
            : "descriptionExternal",
        )}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/jobs/retention">
              <Settings aria-hidden />
              {tr("link")}
            </Link>
          </Button>
        }
      />
      <JobRunsTable initial={initial} />
      <JobFunctionsPanel functions={functions} />
    </>
  );
}
