"use client";
import { ChevronDown, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ImPreviewParams } from "@/lib/sandbox/console/im-preview-schema";
import type { ImTreeNode } from "@/lib/sandbox/console/load-im-directory-tree";
import { cn } from "@/lib/core/cn";
import { imPreviewHref } from "./im-preview-href";

function pathTo(node: ImTreeNode, id: number): number[] | null {
  if (node.id === id) return [node.id];
  for (const c of node.children) {
    const p = pathTo(c, id);
    if (p) return [node.id, ...p];
  }
  return null;
}

/** The IM's departments as nested lists with disclosure buttons; a department's name selects it. */
export function ImDepartmentTree({
  root,
  params,
}: {
  root: ImTreeNode;
  params: Partial<ImPreviewParams>;
}) {
  const t = useTranslations("imPreview");
  const [open, setOpen] = useState<Set<number>>(
    () => new Set([root.id, ...(params.dept ? (pathTo(root, params.dept) ?? []) : [])]),
  );
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const item = (node: ImTreeNode) => {
    const expanded = open.has(node.id);
    const selected = params.dept === node.id;
    return (
      <li key={node.id}>
        <div className={cn("flex items-center gap-1 rounded-md pr-2", selected && "bg-accent")}>
          {node.children.length ? (
            <button
              type="button"
              onClick={() => toggle(node.id)}
              aria-expanded={expanded}
              aria-label={t(expanded ? "collapse" : "expand", { name: node.name })}
              className="rounded p-0.5 text-muted-foreground hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              {expanded ? (
                <ChevronDown aria-hidden className="size-4" />
              ) : (
                <ChevronRight aria-hidden className="size-4" />
              )}
            </button>
          ) : (
            <span aria-hidden className="inline-block size-5" />
          )}
          <Link
            href={imPreviewHref({ q: params.q, user: params.user }, { dept: node.id })}
            aria-current={selected ? "true" : undefined}
            className="flex-1 truncate py-1 text-sm hover:underline"
          >
            {node.name}
          </Link>
          <span
            className="text-xs tabular-nums text-muted-foreground"
            title={t("memberCount", { count: node.totalMembers })}
          >
            <span className="sr-only">{t("memberCount", { count: node.totalMembers })}</span>
            <span aria-hidden>{node.totalMembers}</span>
          </span>
        </div>
        {node.children.length && expanded ? (
          <ul className="ml-4 border-l pl-1">{node.children.map(item)}</ul>
        ) : null}
      </li>
    );
  };

  return (
    <nav aria-label={t("treeLabel")}>
      <ul>{item(root)}</ul>
    </nav>
  );
}
