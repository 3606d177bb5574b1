import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** What the panel shows while its statistics load. */
export function StoragePanelLoading() {
  const t = useTranslations("storage");
  return (
    <Card className="mt-4" aria-busy="true">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription role="status">{t("loading")}</CardDescription>
      </CardHeader>
      <CardContent>
        <div className="h-40 animate-pulse rounded-md bg-muted" />
      </CardContent>
    </Card>
  );
}
