"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ChevronDown, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import type { VisibleRow } from "@/lib/org/rules/flatten-visible-rows";
import type { OrgTreeUnit } from "@/lib/org/types";
import { cn } from "@/lib/core/cn";
import { MappingBadges } from "./mapping-badges";

const ROW_HEIGHT = 44;

type Props = {
  rows: VisibleRow<OrgTreeUnit>[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  unitName: (code: string) => string;
};

/** The visible units, virtualised: only the rows in view are in the DOM. */
export function OrgTree({ rows, selectedId, onSelect, onToggle, unitName }: Props) {
  const t = useTranslations("org");
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoisable; this component does not rely on memoisation.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  if (rows.length === 0)
    return <p className="p-6 text-center text-sm text-muted-foreground">{t("noMatches")}</p>;
  return (
    <div ref={scrollRef} className="h-[600px] overflow-auto">
      <div
        role="tree"
        aria-label={t("treeLabel")}
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const { node, depth, hasChildren, expanded, match } = rows[item.index];
          return (
            <div
              key={node.id}
              role="treeitem"
              aria-label={`${node.name} (${node.code})`}
              aria-level={depth + 1}
              aria-expanded={hasChildren ? expanded : undefined}
              aria-selected={node.id === selectedId}
              className={cn(
                "absolute left-0 flex w-full items-center gap-2 border-b pr-3 text-sm",
                node.status === "unmapped" && "bg-warning/10",
                node.id === selectedId && "bg-accent",
              )}
              style={{ top: item.start, height: ROW_HEIGHT, paddingLeft: 8 + depth * 18 }}
            >
              {hasChildren ? (
                <button
                  type="button"
                  className="rounded p-0.5 hover:bg-accent"
                  aria-label={t(expanded ? "collapse" : "expand", { name: node.name })}
                  onClick={() => onToggle(node.id)}
                >
                  {expanded ? (
                    <ChevronDown className="size-4" />
                  ) : (
                    <ChevronRight className="size-4" />
                  )}
                </button>
              ) : (
                <span className="inline-block w-5" />
              )}
              <button
                type="button"
                className="flex min-w-0 flex-1 items-center gap-3 text-left"
                onClick={() => onSelect(node.id)}
              >
                <span
                  className={cn(
                    "truncate font-medium",
                    match && "underline decoration-primary decoration-2",
                  )}
                >
                  {node.name}
                </span>
                <span className="shrink-0 font-mono text-xs text-muted-foreground">
                  {node.code}
                </span>
                <span
                  className="shrink-0 text-xs tabular-nums text-muted-foreground"
                  title={t("countsHint")}
                >
                  {t("counts", { direct: node.directCount, subtree: node.subtreeCount })}
                </span>
                <span className="ml-auto min-w-0">
                  <MappingBadges unit={node} unitName={unitName} />
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
