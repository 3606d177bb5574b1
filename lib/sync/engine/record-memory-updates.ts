import { db } from "@/lib/core/db";
import { applyMemoryUpdates } from "@/lib/sync/rules/apply-memory-updates";
import type { MemoryUpdate } from "@/lib/sync/types";
import { loadMemory } from "./load-sync-input";
import { forgetGroupMemory, saveAccountMemory, saveGroupMemory, setUnitGroup } from "./memory-rows";

/**
 * Persists memory-only updates (a plan's or a conflict resolution's): the
 * reference `applyMemoryUpdates` computes the next memory, and only the rows
 * the updates touch are written, in one transaction. Returns how many updates were applied.
 */
export async function recordMemoryUpdates(
  connectionId: string,
  updates: MemoryUpdate[],
): Promise<number> {
  if (updates.length === 0) return 0;
  const before = await loadMemory(connectionId);
  const next = applyMemoryUpdates(before, updates);
  const groups = new Map(next.groups.map((g) => [g.externalId, g]));
  const unitGroups = new Map(next.unitGroups.map((u) => [u.orgUnitCode, u.externalId]));
  const accounts = new Map(next.accounts.map((a) => [a.employeeNo, a]));

  const touchedGroups = new Set<string>();
  const touchedUnits = new Set<string>();
  const touchedAccounts = new Set<string>();
  for (const u of updates) {
    if (u.kind === "group") touchedGroups.add(u.memory.externalId);
    else if (u.kind === "groupAccept") touchedGroups.add(u.externalId);
    else if (u.kind === "unitGroup") touchedUnits.add(u.orgUnitCode);
    else if (u.kind === "forgetGroup") {
      touchedGroups.add(u.externalId);
      touchedUnits.add(u.orgUnitCode);
    } else touchedAccounts.add(u.employeeNo);
  }

  await db.$transaction(
    async (tx) => {
      for (const id of [...touchedGroups].sort()) {
        const m = groups.get(id);
        if (m) await saveGroupMemory(tx, connectionId, m);
        else await forgetGroupMemory(tx, connectionId, id);
      }
      for (const code of [...touchedUnits].sort())
        await setUnitGroup(tx, connectionId, code, unitGroups.get(code) ?? null);
      for (const no of [...touchedAccounts].sort()) {
        const a = accounts.get(no);
        if (!a) continue;
        await saveAccountMemory(tx, connectionId, no, {
          imUserId: a.imUserId,
          state: a.state,
          syncedHash: a.syncedHash ?? null,
          disabledAt: a.disabledAt ?? null,
        });
      }
    },
    { timeout: 120_000 },
  );
  return updates.length;
}
