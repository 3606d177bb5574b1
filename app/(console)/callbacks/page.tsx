import { BookOpen, Plus, Webhook } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AutoDisabledBanner } from "@/components/callbacks/auto-disabled-banner";
import { EndpointTable } from "@/components/callbacks/endpoint-table";
import { NetworkPolicyCard } from "@/components/callbacks/network-policy-card";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireArea } from "@/lib/core/auth/require-area";
import { listEndpoints } from "@/lib/callbacks/queries/list-endpoints";
import {
  getCallbackAutoDisableHours,
  getCallbackNetworkPolicy,
} from "@/lib/callbacks/commands/allow-list";

export const dynamic = "force-dynamic";

export default async function CallbacksPage() {
  await requireArea("callbacks");
  const now = new Date();
  const [t, endpoints, policy, hours] = await Promise.all([
    getTranslations("callbacks"),
    listEndpoints(now),
    getCallbackNetworkPolicy(),
    getCallbackAutoDisableHours(),
  ]);
  const autoDisabled = endpoints.filter(
    (e) => e.disabledKind === "auto" || e.disabledKind === "gone",
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/callbacks/guide" title={t("receiverGuideHint")}>
                <BookOpen aria-hidden />
                {t("receiverGuide")}
              </Link>
            </Button>
            <Button asChild>
              <Link href="/callbacks/new">
                <Plus aria-hidden />
                {t("newEndpoint")}
              </Link>
            </Button>
          </>
        }
      />
      <AutoDisabledBanner endpoints={autoDisabled} />
      <div className="flex flex-col gap-4">
        <Card>
          <CardContent className="p-0">
            {endpoints.length === 0 ? (
              <div className="p-6">
                <EmptyState icon={<Webhook />} title={t("emptyTitle")}>
                  <p>{t("emptyHint")}</p>
                  <Button asChild className="mt-4">
                    <Link href="/callbacks/new">
                      <Plus aria-hidden />
                      {t("emptyAction")}
                    </Link>
                  </Button>
                </EmptyState>
              </div>
            ) : (
              <EndpointTable endpoints={endpoints} now={now} />
            )}
          </CardContent>
        </Card>
        <NetworkPolicyCard
          allowList={policy.allowList}
          allowHttp={policy.allowHttp}
          hours={hours}
        />
      </div>
    </>
  );
}
