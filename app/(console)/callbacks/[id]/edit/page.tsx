import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EndpointForm } from "@/components/callbacks/endpoint-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireArea } from "@/lib/core/auth/require-area";
import { getEndpoint } from "@/lib/callbacks/queries/get-endpoint";
import { eventCatalogue, type CallbackEventType } from "@/lib/callbacks/rules/event-catalogue";

export const dynamic = "force-dynamic";

export default async function EditEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea("callbacks", "edit");
  const { id } = await params;
  const [t, endpoint] = await Promise.all([getTranslations("callbacks"), getEndpoint(id)]);
  if (!endpoint) notFound();
  return (
    <>
      <PageHeader title={t("form.editTitle", { name: endpoint.name })} />
      <EndpointForm
        endpointId={endpoint.id}
        defaults={{
          name: endpoint.name,
          url: endpoint.url,
          description: endpoint.description ?? "",
          eventTypes: endpoint.eventTypes.filter(
            (type): type is CallbackEventType => type in eventCatalogue,
          ),
          enabled: endpoint.enabled,
          rateLimitPerSecond: endpoint.rateLimitPerSecond,
          maxRetries: endpoint.maxRetries,
          retrySchedule: endpoint.retrySchedule === "long" ? "long" : "default",
          allowPrivate: endpoint.allowPrivate,
          headerNames: endpoint.headerNames,
        }}
      />
    </>
  );
}
