"use client";
import { useMutation, useQueryClient, useQuery } from "@tanstack/react-query";
import { BellRing, Inbox, Lock, Moon } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { toast } from "sonner";
import { setPreferenceAction } from "@/app/actions/notifications";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type {
  MyCategory,
  MyNotifications as Data,
} from "@/lib/notifications/queries/get-my-notifications";
import { weekdaysLabel } from "@/lib/notifications/rules/weekdays-label";
import { CategoryBadges } from "./category-badges";
import { ReasonText } from "./reason-text";
import { DeliveryStatusBadge } from "./status-badges";
import { Switch } from "./switch";

const KEY = ["my-notifications"];

/** /me: every category with my choice (optional ones switch instantly, mandatory ones locked), my quiet hours, what I received. */
export function MyNotifications({ initial }: { initial: Data }) {
  const t = useTranslations("notifications.me");
  const tw = useTranslations("notifications.weekdaysShort");
  const format = useFormatter();
  const en = useLocale() === "en";
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: KEY,
    queryFn: () => initial,
    initialData: initial,
    staleTime: Infinity,
  });

  const save = useMutation({
    mutationFn: async (v: { categoryKey: string; optedIn: boolean }) => {
      const result = await setPreferenceAction(v);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onMutate: async (v) => {
      await client.cancelQueries({ queryKey: KEY });
      const previous = client.getQueryData<Data>(KEY);
      client.setQueryData<Data>(
        KEY,
        (old) =>
          old && {
            ...old,
            categories: old.categories.map((c) =>
              c.key === v.categoryKey ? { ...c, preference: v.optedIn, receiving: v.optedIn } : c,
            ),
          },
      );
      return { previous };
    },
    onError: (err, _v, ctx) => {
      if (ctx?.previous) client.setQueryData(KEY, ctx.previous);
      toast.error(t("saveFailed", { message: err.message }));
    },
    onSuccess: (saved) => {
      const c = data.categories.find((x) => x.key === saved.categoryKey);
      const name = c ? (en ? c.nameEn : c.nameZh) : saved.categoryKey;
      toast.success(saved.optedIn ? t("optedIn", { name }) : t("optedOut", { name }));
    },
  });

  const name = (c: Pick<MyCategory, "nameZh" | "nameEn">) => (en ? c.nameEn : c.nameZh);
  const quietWindows = data.categories.filter((c) => c.quiet);

  return (
    <>
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("hint")}</CardDescription>
        </CardHeader>
        <CardContent>
          {data.categories.length === 0 ? (
            <EmptyState icon={<BellRing />} title={t("empty")}>
              {t("emptyHint")}
            </EmptyState>
          ) : (
            <ul className="flex flex-col divide-y" aria-label={t("title")}>
              {data.categories.map((c) => {
                const descId = `pref-desc-${c.key}`;
                const description = en ? c.descriptionEn : c.descriptionZh;
                return (
                  <li
                    key={c.key}
                    className="flex items-start justify-between gap-4 py-3"
                    data-testid={`category-${c.key}`}
                  >
                    <div className="flex min-w-0 flex-col gap-1">
                      <span className="flex flex-wrap items-center gap-2 font-medium">
                        {name(c)}{" "}
                        <CategoryBadges
                          mandatory={c.mandatory}
                          urgent={c.urgent}
                          defaultOptIn={c.defaultOptIn}
                        />
                      </span>
                      <p id={descId} className="text-sm text-muted-foreground">
                        {description || t("noDescription")}
                        {c.mandatory ? (
                          <span className="mt-1 flex items-center gap-1 text-xs">
                            <Lock className="size-3" aria-hidden />
                            {t("lockedReason", { name: name(c) })}
                          </span>
                        ) : null}
                        {!c.mandatory && c.preference === null ? (
                          <span className="mt-1 block text-xs">
                            {c.defaultOptIn ? t("defaultOn") : t("defaultOff")}
                          </span>
                        ) : null}
                      </p>
                    </div>
                    <div className="flex items-center gap-2 pt-1">
                      {c.mandatory ? (
                        <Lock className="size-4 text-muted-foreground" aria-hidden />
                      ) : null}
                      <Switch
                        checked={c.receiving}
                        disabled={c.mandatory}
                        label={
                          c.mandatory
                            ? t("switchLocked", { name: name(c) })
                            : t("switchLabel", { name: name(c) })
                        }
                        describedBy={descId}
                        onCheckedChange={(optedIn) => save.mutate({ categoryKey: c.key, optedIn })}
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <Moon className="size-4" aria-hidden />
            {t("quietTitle")}
          </CardTitle>
          <CardDescription>{t("quietHint", { zone: data.timeZone })}</CardDescription>
        </CardHeader>
        <CardContent>
          {quietWindows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("noQuiet")}</p>
          ) : (
            <ul className="flex flex-col gap-3 text-sm">
              {quietWindows.map((c) => (
                <li key={c.key} className="flex flex-col">
                  <span className="font-medium">{name(c)}</span>
                  <span className="text-muted-foreground">
                    {t("quietWindow", {
                      start: c.quiet!.start,
                      end: c.quiet!.end,
                      days: weekdaysLabel(c.quiet!.weekdays, (d) => tw(String(d)), t("everyDay")),
                      zone: c.quiet!.timeZone,
                    })}
                    {c.quiet!.ownZone ? ` · ${t("yourZone")}` : ""}
                    {c.quiet!.bypass ? ` · ${t("urgentBypass")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("recentTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          {data.deliveries.length === 0 ? (
            <EmptyState icon={<Inbox />} title={t("recentEmpty")}>
              {t("recentEmptyHint")}
            </EmptyState>
          ) : (
            <ul className="flex flex-col divide-y text-sm" aria-label={t("recentTitle")}>
              {data.deliveries.map((d) => (
                <li key={d.id} className="flex flex-col gap-1 py-2">
                  <div className="flex items-center justify-between gap-2">
                    <span className="font-medium">{d.title}</span>
                    <DeliveryStatusBadge status={d.status} />
                  </div>
                  <div className="flex flex-wrap justify-between gap-2 text-xs text-muted-foreground">
                    <span>
                      {en ? d.categoryNameEn : d.categoryNameZh} ·{" "}
                      {format.dateTime(new Date(d.sentAt ?? d.createdAt), {
                        dateStyle: "short",
                        timeStyle: "short",
                        timeZone: data.timeZone,
                      })}
                    </span>
                  </div>
                  <p className="text-xs text-muted-foreground">
                    <ReasonText reason={d.reasonText} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </>
  );
}
