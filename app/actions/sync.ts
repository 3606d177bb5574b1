"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/core/action";
import { approveHeldRun } from "@/lib/sync/commands/approve-held-run";
import { rejectHeldRun } from "@/lib/sync/commands/reject-held-run";
import { requestSync } from "@/lib/sync/commands/request-sync";
import { heldRunDecisionSchema, requestSyncSchema } from "@/lib/sync/sync-run-schemas";
import { saveSyncSettings } from "@/lib/sync/commands/sync-settings";
import { syncSettingsSchema } from "@/lib/sync/sync-settings-schema";

export const requestSyncAction = areaAction("sync", requestSyncSchema, async (input, ctx) => {
  const result = await requestSync(input, ctx);
  revalidatePath("/sync");
  return result;
});

export const approveHeldRunAction = areaAction(
  "sync",
  heldRunDecisionSchema,
  async ({ runId }, ctx) => {
    const result = await approveHeldRun({ runId }, ctx);
    revalidatePath("/sync");
    revalidatePath(`/sync/${runId}`);
    return result;
  },
);

export const rejectHeldRunAction = areaAction(
  "sync",
  heldRunDecisionSchema,
  async ({ runId }, ctx) => {
    await rejectHeldRun({ runId }, ctx);
    revalidatePath("/sync");
    revalidatePath(`/sync/${runId}`);
    return { runId };
  },
);

export const saveSyncSettingsAction = areaAction("sync", syncSettingsSchema, async (input, ctx) => {
  const saved = await saveSyncSettings(input, ctx);
  revalidatePath("/sync/settings");
  return saved;
});
