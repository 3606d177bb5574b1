import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { noHostileText } from "@/lib/core/api/rules/no-hostile-text";
import { OrgMappingWorkspace } from "@/components/org/org-mapping-workspace";
import { OrgSummary } from "@/components/org/org-summary";
import { OrgTargetPicker } from "@/components/org/org-target-picker";
import { PrivacyRulesPanel } from "@/components/org/privacy-rules-panel";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { canEdit } from "@/lib/core/auth/permissions";
import { requireArea } from "@/lib/core/auth/require-area";
import { loadOrgTree } from "@/lib/org/queries/load-org-tree";
import { previewPrivacyRules } from "@/lib/org/queries/preview-privacy-rules";
import { listSyncTargets } from "@/lib/sync/queries/list-sync-targets";

export const dynamic = "force-dynamic";

const searchSchema = z.object({
  connection: z
    .string()
    .refine(...noHostileText)
    .optional(),
});

export default async function OrgMappingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireArea("org");
  const mayEdit = canEdit(user.roles, "org");
  const params = searchSchema.safeParse(await searchParams);
  const [t, { imTargets }] = await Promise.all([getTranslations("org"), listSyncTargets()]);
  const wanted = params.success ? params.data.connection : undefined;
  const target = imTargets.find((c) => c.id === wanted) ?? imTargets[0] ?? null;
  const [tree, privacy] = await Promise.all([
    loadOrgTree(target?.id ?? null),
    previewPrivacyRules(target?.id ?? null),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          target ? (
            <OrgTargetPicker
              targets={imTargets.map(({ id, name }) => ({ id, name }))}
              value={target.id}
            />
          ) : null
        }
      />
      {!target ? (
        <EmptyState title={t("noTargets")}>{t("noTargetsHint")}</EmptyState>
      ) : (
        <div className="flex flex-col gap-4">
          <OrgSummary summary={tree.summary} />
          <OrgMappingWorkspace
            key={target.id}
            connectionId={target.id}
            units={tree.units}
            mayEdit={mayEdit}
          />
          <PrivacyRulesPanel preview={privacy} mayEdit={mayEdit} />
        </div>
      )}
    </>
  );
}
