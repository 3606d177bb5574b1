"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/core/action";
import { approveHeldRun } from "@/lib/sync/commands/approve-held-run";
import { rejectHeldRun } from "@/lib/sync/commands/reject-held-run";
import { requestSync } from "@/lib/sync/commands/request-sync";
import { heldRunDecisionSchema, requestSyncSchema } from "@/lib/sync/sync-run-schemas";
import { saveSyncSettings } from "@/lib/sync/commands/sync-settings";
import { syncSettingsSchema } from "@/lib/sync/sync-settings-schema";

export const requestSyncAction = areaAction("sync", requestSyncSchema, async (input, { actor }) => {
  const result = await requestSync({ ...input, actor });
  revalidatePath("/sync");
  return result;
});

export const approveHeldRunAction = areaAction(
  "sync",
  heldRunDecisionSchema,
  async ({ runId }, { actor }) => {
    const result = await approveHeldRun({ runId, actor });
    revalidatePath("/sync");
    revalidatePath(`/sync/${runId}`);
    return result;
  },
);

export const rejectHeldRunAction = areaAction(
  "sync",
  heldRunDecisionSchema,
  async ({ runId }, { actor }) => {
    await rejectHeldRun({ runId, actor });
    revalidatePath("/sync");
    revalidatePath(`/sync/${runId}`);
    return { runId };
  },
);

export const saveSyncSettingsAction = areaAction(
  "sync",
  syncSettingsSchema,
  async (input, { actor }) => {
    const saved = await saveSyncSettings(actor, input);
    revalidatePath("/sync/settings");
    return saved;
  },
);
