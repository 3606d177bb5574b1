import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/** Mandatory / optional (opt-out or opt-in) and urgent, as badges. */
export function CategoryBadges({
  mandatory,
  urgent,
  defaultOptIn,
}: {
  mandatory: boolean;
  urgent: boolean;
  defaultOptIn: boolean;
}) {
  const t = useTranslations("notifications.kinds");
  return (
    <span className="inline-flex flex-wrap gap-1">
      {mandatory ? (
        <Badge variant="warning">{t("mandatory")}</Badge>
      ) : (
        <Badge variant="outline">{defaultOptIn ? t("optOut") : t("optIn")}</Badge>
      )}
      {mandatory && urgent ? <Badge variant="destructive">{t("urgent")}</Badge> : null}
    </span>
  );
}
