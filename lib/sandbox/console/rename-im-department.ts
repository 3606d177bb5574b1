import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { invalid } from "@/lib/core/errors";
import { renameDepartmentManually } from "@/lib/sandbox/im/rename-department-manually";
import type { SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";
import { renameImDepartmentSchema, type RenameImDepartmentInput } from "./im-preview-schema";

/**
 * Renames a sandbox IM department behind OrgBridge's back, as an IM admin would in the IM's own
 * console, so the next reconcile meets a conflict. Audited: the demo edit is still a console action.
 */
export async function renameImDepartment(
  raw: RenameImDepartmentInput,
  ctx: CommandContext,
  { sandboxDb }: { sandboxDb: SandboxDb },
) {
  const input = renameImDepartmentSchema.parse(raw);
  const dept = await sandboxDb.sandboxImDepartment.findUnique({
    where: { id: input.id },
    select: { parentId: true, name: true },
  });
  if (!dept) throw invalid("id", `id: no IM department ${input.id}`);
  // WeCom refuses two siblings of one name (60008); an admin could not do it either.
  const clash = await sandboxDb.sandboxImDepartment.findFirst({
    where: { parentId: dept.parentId, name: input.name, id: { not: input.id } },
    select: { id: true },
  });
  if (clash) throw invalid("name", `name: a sibling department is already called ${input.name}`);
  const result = await renameDepartmentManually(sandboxDb, input.id, input.name);
  await inTransaction(ctx, async (tx) =>
    recordAudit(tx, ctx.actor, {
      action: "sandbox_im.department_renamed",
      targetType: "sandbox_im_department",
      targetId: String(input.id),
      before: { name: result.before },
      after: { name: result.after },
    }),
  );
  return result;
}
