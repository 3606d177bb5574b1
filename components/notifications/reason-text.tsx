"use client";
import { useTranslations } from "next-intl";
import type { StoredReasonText } from "@/lib/notifications/rules/explain-stored-reason";

/** A stored delivery reason as a sentence in the UI's language. */
export function ReasonText({ reason }: { reason: StoredReasonText | null }) {
  const tDecision = useTranslations("notify.decision");
  const tOutcome = useTranslations("notifications.outcomeReasons");
  if (!reason) return <span className="text-muted-foreground">—</span>;
  return (
    <span>
      {reason.ns === "decision"
        ? tDecision(reason.key, reason.values)
        : tOutcome(reason.key, reason.values)}
    </span>
  );
}
