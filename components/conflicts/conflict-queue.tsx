"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ConflictRow } from "@/lib/conflicts/conflict-queue-schemas";
import { BulkResolveBar } from "./bulk-resolve-bar";
import { ConflictValue } from "./conflict-value";
import { ResolveConflictForm } from "./resolve-conflict-form";

const STATUS_VARIANT = { OPEN: "warning", RESOLVED: "success", IGNORED: "outline" } as const;

/** The queue's rows: both sides of each conflict, row selection for bulk decisions, and a resolve form per row. */
export function ConflictQueue({ conflicts }: { conflicts: ConflictRow[] }) {
  const t = useTranslations("conflicts");
  const format = useFormatter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [resolving, setResolving] = useState<string | null>(null);
  const open = conflicts.filter((c) => c.status === "OPEN");
  const chosen = open.filter((c) => selected.has(c.id)).map((c) => c.id);
  const allChosen = open.length > 0 && chosen.length === open.length;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const typeName = (type: string) => (t.has(`types.${type}`) ? t(`types.${type}`) : type);
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });

  if (conflicts.length === 0) return <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>;
  return (
    <div className="flex flex-col gap-3">
      {chosen.length > 0 ? (
        <BulkResolveBar conflictIds={chosen} onDone={() => setSelected(new Set())} />
      ) : null}
      <Table aria-label={t("tableLabel")}>
        <TableHeader>
          <TableRow>
            <TableHead className="w-8">
              <input
                type="checkbox"
                aria-label={t("selectAll")}
                checked={allChosen}
                disabled={open.length === 0}
                onChange={() => setSelected(allChosen ? new Set() : new Set(open.map((c) => c.id)))}
              />
            </TableHead>
            <TableHead>{t("type")}</TableHead>
            <TableHead>{t("subject")}</TableHead>
            <TableHead>{t("hrValue")}</TableHead>
            <TableHead>{t("imValue")}</TableHead>
            <TableHead>{t("detail")}</TableHead>
            <TableHead className="text-right">{t("occurrences")}</TableHead>
            <TableHead>{t("lastSeen")}</TableHead>
            <TableHead>{t("status")}</TableHead>
            <TableHead>{t("actions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {conflicts.map((c) => (
            <Fragment key={c.id}>
              <TableRow aria-label={`${typeName(c.type)} ${c.subjectKey}`}>
                <TableCell>
                  {c.status === "OPEN" ? (
                    <input
                      type="checkbox"
                      aria-label={t("selectRow", { subject: c.subjectKey })}
                      checked={selected.has(c.id)}
                      onChange={() => toggle(c.id)}
                    />
                  ) : null}
                </TableCell>
                <TableCell className="text-xs font-medium">{typeName(c.type)}</TableCell>
                <TableCell className="text-xs">
                  <span className="text-muted-foreground">{c.subjectType}</span>{" "}
                  {c.subjectType === "employee" ? (
                    // both_changed subjects read "<employeeNo>#<field>".
                    <Link
                      href={`/employees/${encodeURIComponent(c.subjectKey.split("#")[0])}`}
                      className="underline underline-offset-2"
                    >
                      {c.subjectKey}
                    </Link>
                  ) : (
                    c.subjectKey
                  )}
                  {c.connectionName ? (
                    <div className="text-muted-foreground">{c.connectionName}</div>
                  ) : null}
                </TableCell>
                <TableCell className="max-w-56 text-xs">
                  <ConflictValue value={c.hrValue} />
                </TableCell>
                <TableCell className="max-w-56 text-xs">
                  <ConflictValue value={c.imValue} />
                </TableCell>
                <TableCell className="max-w-72 text-xs">
                  {c.detail ?? "—"}
                  {c.note ? (
                    <p className="mt-1 whitespace-pre-line text-muted-foreground">{c.note}</p>
                  ) : null}
                </TableCell>
                <TableCell className="text-right tabular-nums text-xs">{c.occurrences}</TableCell>
                <TableCell className="text-xs">
                  <div>{when(c.lastSeenAt)}</div>
                  <div className="text-muted-foreground">
                    {t("firstSeen")}: {when(c.firstSeenAt)}
                  </div>
                  {c.runId ? (
                    <Link href={`/sync/${c.runId}`} className="underline">
                      {t("openRun")}
                    </Link>
                  ) : null}
                </TableCell>
                <TableCell className="text-xs">
                  <Badge variant={STATUS_VARIANT[c.status]}>{t(`statuses.${c.status}`)}</Badge>
                  {c.resolution && c.resolvedBy ? (
                    <div className="mt-1 text-muted-foreground">
                      {t("resolvedBy", {
                        resolution: t(`resolutions.${c.resolution}`),
                        name: c.resolvedBy,
                      })}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell>
                  {c.status === "OPEN" && resolving !== c.id ? (
                    <Button size="sm" variant="outline" onClick={() => setResolving(c.id)}>
                      {t("resolve")}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
              {resolving === c.id ? (
                <TableRow>
                  <TableCell colSpan={10}>
                    <ResolveConflictForm
                      conflictId={c.id}
                      type={c.type}
                      subject={c.subjectKey}
                      onDone={() => setResolving(null)}
                    />
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
