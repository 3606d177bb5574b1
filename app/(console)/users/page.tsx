import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { RoleOverrideEditor } from "@/components/users/role-override-editor";
import { effectiveRoles } from "@/lib/core/auth/map-roles";
import { requireArea } from "@/lib/core/auth/require-area";
import { listUsers } from "@/lib/users/queries/list-users";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  await requireArea("users");
  const t = await getTranslations("users");
  const format = await getFormatter();
  const users = await listUsers();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardContent className="p-0">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("user")}</TableHead>
                <TableHead>{t("employee")}</TableHead>
                <TableHead>{t("fromIdp")}</TableHead>
                <TableHead>{t("effective")}</TableHead>
                <TableHead>{t("override")}</TableHead>
                <TableHead>{t("lastLogin")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.map((u) => (
                <TableRow key={u.id}>
                  <TableCell>
                    <p className="font-medium">{u.name}</p>
                    <p className="text-xs text-muted-foreground">{u.email}</p>
                  </TableCell>
                  <TableCell className="text-xs">{u.employee?.employeeNo ?? "—"}</TableCell>
                  <TableCell className="text-xs">
                    {u.idpRoles.map((r) => t(`roles.${r}`)).join(", ")}
                  </TableCell>
                  <TableCell className="flex flex-wrap gap-1">
                    {effectiveRoles(u).map((r) => (
                      <Badge key={r}>{t(`roles.${r}`)}</Badge>
                    ))}
                    {u.overrideSet ? <Badge variant="warning">{t("overridden")}</Badge> : null}
                  </TableCell>
                  <TableCell>
                    <RoleOverrideEditor
                      userId={u.id}
                      name={u.name ?? u.email ?? u.id}
                      current={effectiveRoles(u)}
                      overrideSet={u.overrideSet}
                    />
                  </TableCell>
                  <TableCell className="text-xs">
                    {u.lastLoginAt ? format.relativeTime(u.lastLoginAt) : "—"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
}
