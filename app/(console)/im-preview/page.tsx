import { Inbox, Network, Unplug } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { ImDepartmentTree } from "@/components/sandbox/im-department-tree";
import { ImInbox } from "@/components/sandbox/im-inbox";
import { ImMemberSearch } from "@/components/sandbox/im-member-search";
import { ImMemberTable } from "@/components/sandbox/im-member-table";
import { RenameImDepartmentForm } from "@/components/sandbox/rename-im-department-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { canEdit } from "@/lib/core/auth/permissions";
import { requireArea } from "@/lib/core/auth/require-area";
import { findSandboxConnection } from "@/lib/sandbox/console/find-sandbox-connection";
import { getSandboxDb } from "@/lib/sandbox/console/get-sandbox-db";
import { imPreviewParamsSchema } from "@/lib/sandbox/console/im-preview-schema";
import { IM_PREVIEW_LIMITS, loadImPreview } from "@/lib/sandbox/console/load-im-preview";

export const dynamic = "force-dynamic";

export default async function ImPreviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const user = await requireArea("imPreview");
  const t = await getTranslations("imPreview");
  if (!(await findSandboxConnection("sandbox-im"))) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState icon={<Unplug />} title={t("notConfigured")}>
          {t("notConfiguredHint")}
        </EmptyState>
      </>
    );
  }
  const params = imPreviewParamsSchema.parse(await searchParams);
  const { tree, matches, member, department, members, messages } = await loadImPreview(
    getSandboxDb(),
    params,
  );
  const empty = !tree.root || (tree.members === 0 && tree.departments <= 1);
  const mayRename = canEdit(user.roles, "hrSimulator");

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 lg:grid-cols-[minmax(16rem,22rem)_1fr]">
        <Card className="self-start">
          <CardHeader>
            <CardTitle>{t("treeTitle")}</CardTitle>
            <CardDescription>
              {t("treeSummary", { departments: tree.departments, members: tree.members })}
            </CardDescription>
          </CardHeader>
          <CardContent className="max-h-[70vh] overflow-y-auto">
            {empty || !tree.root ? (
              <EmptyState icon={<Network />} title={t("emptyTitle")}>
                {t("emptyHint")}
              </EmptyState>
            ) : (
              <ImDepartmentTree root={tree.root} params={params} />
            )}
          </CardContent>
        </Card>
        <div className="flex min-w-0 flex-col gap-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("inboxTitle")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <ImMemberSearch params={params} matches={matches} cap={IM_PREVIEW_LIMITS.matches} />
              {member && messages ? (
                <ImInbox
                  member={member}
                  messages={messages}
                  limit={IM_PREVIEW_LIMITS.messages}
                  params={params}
                />
              ) : params.user ? (
                <p role="alert" className="text-sm text-destructive">
                  {t("memberNotFound", { userid: params.user })}
                </p>
              ) : (
                <div className="flex items-center gap-2 text-sm text-muted-foreground">
                  <Inbox aria-hidden className="size-4" />
                  {t("pickMember")}
                </div>
              )}
            </CardContent>
          </Card>
          {empty ? null : (
            <Card>
              <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
                <CardTitle>
                  {department ? t("membersTitle", { name: department.name }) : t("members")}
                </CardTitle>
                {department && mayRename ? (
                  <RenameImDepartmentForm
                    key={department.id}
                    id={department.id}
                    name={department.name}
                  />
                ) : null}
              </CardHeader>
              {department && members ? (
                <ImMemberTable
                  members={members.members}
                  total={members.total}
                  page={members.page}
                  pages={members.pages}
                  params={params}
                />
              ) : (
                <CardContent>
                  <p className="text-sm text-muted-foreground">{t("pickDepartment")}</p>
                </CardContent>
              )}
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
