"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { SyncRequestButtons } from "./sync-request-buttons";

/** "Start a sync": the buttons per IM target, or why there are none. */
export function SyncTargetsCard({
  targets,
  hrName,
}: {
  /** Enabled IM targets; null when the user may not start syncs. */
  targets: { id: string; name: string }[] | null;
  /** The HR source a sync pulls from. */
  hrName: string | null;
}) {
  const t = useTranslations("sync");
  const queryClient = useQueryClient();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("targetsTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        {targets === null ? (
          <p className="text-sm text-muted-foreground">{t("readOnly")}</p>
        ) : hrName === null ? (
          <p className="text-sm text-muted-foreground">{t("noHrSource")}</p>
        ) : targets.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noTargets")}</p>
        ) : (
          <>
            <p className="text-sm text-muted-foreground">{t("targetsHint", { hr: hrName })}</p>
            {targets.map((target) => (
              <SyncRequestButtons
                key={target.id}
                target={target}
                onRequested={() => void queryClient.invalidateQueries({ queryKey: ["sync-runs"] })}
              />
            ))}
          </>
        )}
      </CardContent>
    </Card>
  );
}
