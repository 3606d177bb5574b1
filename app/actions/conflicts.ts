"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/core/action";
import {
  bulkResolveConflictsSchema,
  resolveConflictSchema,
} from "@/lib/conflicts/conflict-queue-schemas";
import { resolveConflict, resolveConflicts } from "@/lib/conflicts/commands/resolve-conflicts";

export const resolveConflictAction = areaAction(
  "conflicts",
  resolveConflictSchema,
  async (input, ctx) => {
    const result = await resolveConflict(input, ctx);
    revalidatePath("/conflicts");
    return result;
  },
);

export const bulkResolveConflictsAction = areaAction(
  "conflicts",
  bulkResolveConflictsSchema,
  async (input, ctx) => {
    const result = await resolveConflicts(input, ctx);
    revalidatePath("/conflicts");
    return result;
  },
);
