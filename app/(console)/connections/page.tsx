import { getLocale, getTranslations } from "next-intl/server";
import { ConnectionForm } from "@/components/connections/connection-form";
import { ConnectionTable } from "@/components/connections/connection-table";
import { ScimConnections } from "@/components/connections/scim-connections";
import { PageHeader } from "@/components/shell/page-header";
import { requireArea } from "@/lib/core/auth/require-area";
import { listConnections } from "@/lib/connections/queries/list-connections";
import { listProviderForms } from "@/lib/connections/queries/list-provider-forms";
import { envSection } from "@/lib/core/env";
import { listScimConnections } from "@/lib/scim/queries/list-scim-connections";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ edit?: string; new?: string }> };

export default async function ConnectionsPage({ searchParams }: Props) {
  await requireArea("connections");
  const [t, locale, params, connections, scimConnections] = await Promise.all([
    getTranslations("connections"),
    getLocale(),
    searchParams,
    listConnections(),
    listScimConnections(),
  ]);
  const forms = listProviderForms();
  const providerLabels = Object.fromEntries(
    forms.map((f) => [f.provider, locale === "en" ? f.label.en : f.label.zh]),
  );
  const editing = params.edit ? connections.find((c) => c.id === params.edit) : undefined;
  const creating =
    params.new === "HR_SOURCE" || params.new === "IM_TARGET" ? params.new : undefined;
  const formKind = editing?.kind ?? creating;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-4">
        {formKind ? (
          <ConnectionForm
            key={editing?.id ?? formKind}
            kind={formKind}
            forms={forms.filter((f) => f.kind === formKind)}
            connection={
              editing
                ? {
                    id: editing.id,
                    provider: editing.provider,
                    name: editing.name,
                    enabled: editing.enabled,
                    config: editing.config,
                  }
                : undefined
            }
          />
        ) : null}
        <ConnectionTable
          kind="HR_SOURCE"
          rows={connections.filter((c) => c.kind === "HR_SOURCE")}
          providerLabels={providerLabels}
        />
        <ConnectionTable
          kind="IM_TARGET"
          rows={connections.filter((c) => c.kind === "IM_TARGET")}
          providerLabels={providerLabels}
        />
        <ScimConnections
          rows={scimConnections}
          endpoint={`${envSection("auth").NEXTAUTH_URL.replace(/\/$/, "")}/scim/v2`}
        />
      </div>
    </>
  );
}
