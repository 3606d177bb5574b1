import { useTranslations } from "next-intl";

/** "Nightly", "Manual · 陈志强", or the raw trigger for webhooks and the like. */
export function SyncTrigger({
  trigger,
  requestedBy,
}: {
  trigger: string;
  requestedBy: string | null;
}) {
  const t = useTranslations("sync");
  if (trigger === "cron") return <span>{t("triggers.cron")}</span>;
  if (trigger.startsWith("manual:"))
    return <span>{t("triggers.manual", { name: requestedBy ?? trigger.slice(7) })}</span>;
  return <code className="text-xs">{trigger}</code>;
}
