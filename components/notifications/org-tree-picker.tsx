"use client";
import { useQuery } from "@tanstack/react-query";
import { ChevronDown, ChevronRight, Loader2, Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { listOrgUnitChildrenAction } from "@/app/actions/notifications";
import type { OrgTreeNode } from "@/lib/notifications/queries/list-org-unit-children";

function useChildren(parentCode: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ["org-tree", parentCode],
    enabled,
    staleTime: 60_000,
    queryFn: async () => {
      const result = await listOrgUnitChildrenAction({ parentCode });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
}

function Level({
  parentCode,
  depth,
  onAdd,
}: {
  parentCode: string | null;
  depth: number;
  onAdd: (code: string) => void;
}) {
  const { data, isLoading } = useChildren(parentCode, true);
  if (isLoading)
    return <Loader2 className="my-1 size-4 animate-spin text-muted-foreground" aria-hidden />;
  return (
    <ul role="group" className="flex flex-col">
      {data?.map((u) => (
        <Node key={u.code} unit={u} depth={depth} onAdd={onAdd} />
      ))}
    </ul>
  );
}

function Node({
  unit,
  depth,
  onAdd,
}: {
  unit: OrgTreeNode;
  depth: number;
  onAdd: (code: string) => void;
}) {
  const t = useTranslations("notifications.picker");
  const en = useLocale() === "en";
  const [open, setOpen] = useState(false);
  const name = (en ? unit.nameEn : null) ?? unit.name;
  return (
    <li role="treeitem" aria-expanded={unit.hasChildren ? open : undefined} aria-selected={false}>
      <div
        className="flex items-center gap-1 py-0.5 text-sm"
        style={{ paddingLeft: `${depth * 1}rem` }}
      >
        {unit.hasChildren ? (
          <button
            type="button"
            className="rounded p-0.5 hover:bg-accent"
            aria-label={open ? t("collapse", { name }) : t("expand", { name })}
            onClick={() => setOpen(!open)}
          >
            {open ? (
              <ChevronDown className="size-4" aria-hidden />
            ) : (
              <ChevronRight className="size-4" aria-hidden />
            )}
          </button>
        ) : (
          <span className="inline-block w-5" />
        )}
        <span className="flex-1">
          {name} <span className="font-mono text-xs text-muted-foreground">{unit.code}</span>
        </span>
        <button
          type="button"
          className="flex items-center gap-1 rounded px-1.5 text-xs text-primary hover:bg-accent"
          aria-label={t("addUnit", { name })}
          onClick={() => onAdd(unit.code)}
        >
          <Plus className="size-3" aria-hidden />
          {t("addCode")}
        </button>
      </div>
      {open ? <Level parentCode={unit.code} depth={depth + 1} onAdd={onAdd} /> : null}
    </li>
  );
}

/** Browse the org tree level by level (children load when a unit is expanded) and add units to the audience. */
export function OrgTreePicker({ onAdd }: { onAdd: (code: string) => void }) {
  const t = useTranslations("notifications.picker");
  const [open, setOpen] = useState(false);
  return (
    <details
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="rounded-md border px-3 py-2"
    >
      <summary className="cursor-pointer text-sm font-medium">{t("browseTree")}</summary>
      {open ? (
        <div role="tree" aria-label={t("treeLabel")} className="mt-2 max-h-72 overflow-auto">
          <Level parentCode={null} depth={0} onAdd={onAdd} />
        </div>
      ) : null}
    </details>
  );
}
