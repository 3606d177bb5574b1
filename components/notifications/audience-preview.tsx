"use client";
import { useQuery } from "@tanstack/react-query";
import { Loader2, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { previewAudienceAction } from "@/app/actions/notifications";
import {
  recipientsSchema,
  type NotificationRecipients,
} from "@/lib/notifications/notification-input-schema";
import { useDebouncedValue } from "./use-debounced-value";

/** Live count of who the recipients reach, with the ids that matched nothing (debounced). */
export function AudiencePreview({ recipients }: { recipients: NotificationRecipients }) {
  const t = useTranslations("notifications.compose");
  const debounced = useDebouncedValue(recipients, 400);
  const valid = recipientsSchema.safeParse(debounced).success;
  const { data, isFetching, error } = useQuery({
    queryKey: ["audience-preview", debounced],
    enabled: valid,
    queryFn: async () => {
      const result = await previewAudienceAction(debounced);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    placeholderData: (prev) => prev,
  });
  return (
    <section
      aria-label={t("previewLabel")}
      aria-live="polite"
      className="rounded-md border bg-muted/30 p-3 text-sm"
      data-testid="audience-preview"
    >
      <div className="flex items-center gap-2 font-medium">
        {isFetching ? (
          <Loader2 className="size-4 animate-spin" aria-hidden />
        ) : (
          <Users className="size-4" aria-hidden />
        )}
        {!valid
          ? t("previewNone")
          : data
            ? t("previewCount", { count: data.count })
            : t("previewLoading")}
      </div>
      {error ? <p className="mt-1 text-destructive">{error.message}</p> : null}
      {valid && data ? (
        <>
          {data.unknownEmployeeNos.length ? (
            <p className="mt-1 text-destructive">
              {t("unknownEmployees", { list: data.unknownEmployeeNos.join(", ") })}
            </p>
          ) : null}
          {data.inactiveEmployeeNos.length ? (
            <p className="mt-1 text-muted-foreground">
              {t("inactiveEmployees", { list: data.inactiveEmployeeNos.join(", ") })}
            </p>
          ) : null}
          {data.unknownOrgUnits.length ? (
            <p className="mt-1 text-destructive">
              {t("unknownOrgUnits", { list: data.unknownOrgUnits.join(", ") })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
