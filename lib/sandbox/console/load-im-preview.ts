import { listInbox } from "@/lib/sandbox/im/list-inbox";
import type { SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";
import { findImMember } from "./find-im-member";
import type { ImPreviewParams } from "./im-preview-schema";
import { listImDepartmentMembers } from "./list-im-department-members";
import { loadImDirectoryTree, type ImTreeNode } from "./load-im-directory-tree";
import { searchImMembers } from "./search-im-members";

export const IM_PREVIEW_LIMITS = {
  /** Members per page of a department's list. */
  members: 50,
  /** Search matches shown. */
  matches: 20,
  /** Messages per inbox page. */
  messages: 30,
} as const;

function findNode(node: ImTreeNode | null, id: number): ImTreeNode | null {
  if (!node) return null;
  if (node.id === id) return node;
  for (const c of node.children) {
    const hit = findNode(c, id);
    if (hit) return hit;
  }
  return null;
}

/** Everything the IM preview shows for one URL state, each part capped so thousands of members stay quick. */
export async function loadImPreview(db: SandboxDb, params: ImPreviewParams) {
  const [tree, matches, member] = await Promise.all([
    loadImDirectoryTree(db),
    params.q ? searchImMembers(db, params.q, IM_PREVIEW_LIMITS.matches) : Promise.resolve(null),
    params.user ? findImMember(db, params.user) : Promise.resolve(null),
  ]);
  const department = params.dept ? findNode(tree.root, params.dept) : null;
  const [members, messages] = await Promise.all([
    department
      ? listImDepartmentMembers(db, department.id, {
          page: params.page,
          size: IM_PREVIEW_LIMITS.members,
        })
      : Promise.resolve(null),
    member
      ? listInbox(db, member.userid, {
          limit: IM_PREVIEW_LIMITS.messages,
          before: params.before ? new Date(params.before) : undefined,
        })
      : Promise.resolve(null),
  ]);
  return { tree, matches, member, department, members, messages };
}
