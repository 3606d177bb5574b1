import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EndpointForm } from "@/components/callbacks/endpoint-form";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireArea } from "@/lib/core/auth/require-area";

export const dynamic = "force-dynamic";

export default async function NewEndpointPage() {
  await requireArea("callbacks", "edit");
  const t = await getTranslations("callbacks");
  return (
    <>
      <PageHeader
        title={t("form.createTitle")}
        description={t("form.createHint")}
        actions={
          <Button asChild variant="outline">
            <Link href="/callbacks/guide">{t("receiverGuide")}</Link>
          </Button>
        }
      />
      <EndpointForm />
    </>
  );
}
