import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/data/pagination";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ImPreviewParams } from "@/lib/sandbox/console/im-preview-schema";
import type { ImMemberRow } from "@/lib/sandbox/console/list-im-department-members";
import { imPreviewHref } from "./im-preview-href";

/** One page of a department's direct members, each linking to their inbox. */
export async function ImMemberTable({
  members,
  total,
  page,
  pages,
  params,
}: {
  members: ImMemberRow[];
  total: number;
  page: number;
  pages: number;
  params: Partial<ImPreviewParams>;
}) {
  const t = await getTranslations("imPreview");
  if (members.length === 0)
    return <p className="px-5 pb-5 text-sm text-muted-foreground">{t("noMembers")}</p>;
  return (
    <>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("name")}</TableHead>
            <TableHead>{t("userid")}</TableHead>
            <TableHead>{t("position")}</TableHead>
            <TableHead>{t("state")}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <TableRow
              key={m.userid}
              className={
                params.user?.toLowerCase() === m.userid.toLowerCase() ? "bg-accent" : undefined
              }
            >
              <TableCell className="font-medium">
                {m.name} {m.isMain ? <Badge variant="outline">{t("main")}</Badge> : null}
              </TableCell>
              <TableCell>
                <code className="text-xs">{m.userid}</code>
              </TableCell>
              <TableCell className="text-xs">{m.position ?? "—"}</TableCell>
              <TableCell>
                <Badge variant={m.enabled ? "success" : "destructive"}>
                  {m.enabled ? t("enabled") : t("disabled")}
                </Badge>
              </TableCell>
              <TableCell className="text-right">
                <Link
                  className="text-sm text-primary hover:underline"
                  aria-label={t("openInboxOf", { name: m.name })}
                  href={imPreviewHref(params, { user: m.userid, before: null })}
                >
                  {t("openInbox")}
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className="px-5 pb-4">
        <Pagination
          page={page}
          pages={pages}
          params={{
            dept: params.dept?.toString(),
            q: params.q,
            user: params.user,
            before: params.before,
            page: undefined,
          }}
          labels={{ prev: t("prev"), next: t("next"), of: t("pageOf", { page, pages, total }) }}
        />
      </div>
    </>
  );
}
