import { Info, KeyRound, TriangleAlert } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { EndpointDetail } from "@/lib/callbacks/queries/get-endpoint";

/** Why the endpoint is off (auto-disabled ones as an alert), and an open rotation overlap. */
export async function EndpointNotice({ endpoint }: { endpoint: EndpointDetail }) {
  const [t, format] = await Promise.all([getTranslations("callbacks"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const since = endpoint.failingSince ?? parseSince(endpoint.disabledReason);
  const kind = endpoint.disabledKind;
  return (
    <>
      {kind === "auto" || kind === "gone" ? (
        <div
          role="alert"
          className="flex gap-3 rounded-lg border border-destructive/50 bg-destructive/10 p-4 text-sm"
        >
          <TriangleAlert aria-hidden className="mt-0.5 size-5 shrink-0 text-destructive" />
          <div>
            <p className="font-medium">
              {kind === "gone"
                ? t("banner.endpointGone")
                : t("banner.endpointAuto", {
                    when: since ? when(since) : (endpoint.disabledReason ?? ""),
                  })}
            </p>
            <p className="text-muted-foreground">{t("banner.body")}</p>
          </div>
        </div>
      ) : kind === "manual" ? (
        <p role="status" className="flex gap-2 rounded-lg border bg-muted/50 p-3 text-sm">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
          {t("banner.endpointManual")}
        </p>
      ) : null}
      {endpoint.previousSecretActive && endpoint.previousSecretExpiresAt ? (
        <p
          role="status"
          className="flex gap-2 rounded-lg border border-warning/50 bg-warning/10 p-3 text-sm"
        >
          <KeyRound aria-hidden className="mt-0.5 size-4 shrink-0" />
          {t("rotate.previousValid", { when: when(endpoint.previousSecretExpiresAt) })}
        </p>
      ) : null}
    </>
  );
}

/** The engine writes "failing: no successful delivery since <ISO>"; use that instant when the column was cleared. */
function parseSince(reason: string | null): Date | null {
  const match = reason?.match(/since (\S+)$/);
  const date = match ? new Date(match[1]) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}
