"use client";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { allParentIds, flattenVisibleRows, indexTree } from "@/lib/org/rules/flatten-visible-rows";
import type { OrgTreeUnit } from "@/lib/org/types";
import { MappingPanel } from "./mapping-panel";
import { OrgTree } from "./org-tree";

type Props = {
  connectionId: string;
  units: OrgTreeUnit[];
  /** HR admins edit; IT admins only look. */
  mayEdit: boolean;
};

/** Tree + side panel: search, expand/collapse, pick a unit, edit its mapping. */
export function OrgMappingWorkspace({ connectionId, units, mayEdit }: Props) {
  const t = useTranslations("org");
  const index = useMemo(() => indexTree(units), [units]);
  const nameByCode = useMemo(() => new Map(units.map((u) => [u.code, u.name])), [units]);
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(index.roots.map((r) => r.id)),
  );
  const [query, setQuery] = useState("");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const rows = useMemo(
    () => flattenVisibleRows(index, { expanded, query }),
    [index, expanded, query],
  );
  const unitName = useCallback((code: string) => nameByCode.get(code) ?? code, [nameByCode]);
  const toggle = useCallback((id: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const selected = selectedId ? (index.byId.get(selectedId) ?? null) : null;
  const pathNames = useMemo(() => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (
      let u: OrgTreeUnit | undefined = selected ?? undefined;
      u && !seen.has(u.id);
      u = u.parentId ? index.byId.get(u.parentId) : undefined
    ) {
      seen.add(u.id);
      names.unshift(u.name);
    }
    return names;
  }, [selected, index]);

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_400px]">
      <Card className="overflow-hidden">
        <div className="flex flex-wrap items-center gap-2 border-b p-3">
          <Input
            type="search"
            aria-label={t("search")}
            placeholder={t("searchPlaceholder")}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="max-w-xs"
          />
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => setExpanded(allParentIds(index))}
          >
            {t("expandAll")}
          </Button>
          <Button type="button" variant="outline" size="sm" onClick={() => setExpanded(new Set())}>
            {t("collapseAll")}
          </Button>
          <span className="ml-auto text-xs text-muted-foreground">
            {t("shown", { shown: rows.length, total: units.length })}
          </span>
        </div>
        <OrgTree
          rows={rows}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onToggle={toggle}
          unitName={unitName}
        />
      </Card>
      <aside aria-label={t("panelLabel")}>
        {selected ? (
          <MappingPanel
            key={`${selected.id}:${JSON.stringify(selected.own)}`}
            connectionId={connectionId}
            unit={selected}
            pathNames={pathNames}
            mayEdit={mayEdit}
            unitName={unitName}
          />
        ) : (
          <Card className="p-5 text-sm text-muted-foreground">{t("pickUnit")}</Card>
        )}
      </aside>
    </div>
  );
}
