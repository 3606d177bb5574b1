import { MessagesSquare, UserRound } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { MyNotifications } from "@/components/notifications/my-notifications";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireArea } from "@/lib/core/auth/require-area";
import { getMyNotifications } from "@/lib/notifications/queries/get-my-notifications";
import { getMyProfile } from "@/lib/org/queries/get-my-profile";

export const dynamic = "force-dynamic";

export default async function MePage() {
  const user = await requireArea("me");
  const t = await getTranslations("me");
  const locale = await getLocale();
  const format = await getFormatter();
  const [profile, notifications] = user.employeeId
    ? await Promise.all([getMyProfile(user.employeeId), getMyNotifications(user.employeeId)])
    : [null, null];
  const en = locale === "en";
  return (
    <>
      <PageHeader
        title={t("title", { name: (en ? profile?.nameEn : profile?.name) ?? user.name ?? "" })}
        description={t("description")}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("profile")}</CardTitle>
          </CardHeader>
          <CardContent>
            {profile ? (
              <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
                <dt className="text-muted-foreground">{t("employeeNo")}</dt>
                <dd data-testid="me-employee-no">{profile.employeeNo}</dd>
                <dt className="text-muted-foreground">{t("name")}</dt>
                <dd>
                  {profile.name}
                  {profile.nameEn ? ` · ${profile.nameEn}` : ""}
                </dd>
                <dt className="text-muted-foreground">{t("orgUnit")}</dt>
                <dd>
                  {en ? (profile.orgUnit?.nameEn ?? profile.orgUnit?.name) : profile.orgUnit?.name}
                </dd>
                <dt className="text-muted-foreground">{t("jobTitle")}</dt>
                <dd>{profile.title ?? "—"}</dd>
                <dt className="text-muted-foreground">{t("manager")}</dt>
                <dd>{(en ? profile.manager?.nameEn : profile.manager?.name) ?? "—"}</dd>
                <dt className="text-muted-foreground">{t("email")}</dt>
                <dd>{profile.email ?? "—"}</dd>
                <dt className="text-muted-foreground">{t("mobile")}</dt>
                <dd>{profile.mobile ?? "—"}</dd>
                <dt className="text-muted-foreground">{t("timeZone")}</dt>
                <dd>{profile.timeZone}</dd>
                <dt className="text-muted-foreground">{t("status")}</dt>
                <dd>
                  <Badge>{t(`statuses.${profile.status}`)}</Badge>
                </dd>
              </dl>
            ) : (
              <EmptyState icon={<UserRound />} title={t("noEmployee")}>
                {t("noEmployeeHint")}
              </EmptyState>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("imAccounts")}</CardTitle>
          </CardHeader>
          <CardContent>
            {profile?.imAccounts.length ? (
              <ul className="flex flex-col gap-2 text-sm">
                {profile.imAccounts.map((a) => (
                  <li key={a.imUserId} className="flex justify-between">
                    <span>
                      {a.connection.name} · <code className="text-xs">{a.imUserId}</code>
                    </span>
                    <span>
                      <Badge>{a.state}</Badge>{" "}
                      <span className="text-xs text-muted-foreground">
                        {format.relativeTime(a.updatedAt)}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState icon={<MessagesSquare />} title={t("noImAccount")}>
                {t("noImAccountHint")}
              </EmptyState>
            )}
          </CardContent>
        </Card>
        {notifications ? <MyNotifications initial={notifications} /> : null}
      </div>
    </>
  );
}
