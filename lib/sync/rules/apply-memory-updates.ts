import { hashFieldValues } from "./hash-field-values";
import { encodeSyncedHash } from "./encode-synced-hash";
import { parseSyncedHash, parseSyncedProtection } from "./parse-synced-hash";
import type { AccountMemory, GroupMemory, MemoryUpdate, SyncMemory } from "../types";

/**
 * Applies memory-only updates (from a plan or a conflict resolution) to a
 * memory snapshot and returns a new one. The executor does the same per row.
 */
export function applyMemoryUpdates(memory: SyncMemory, updates: MemoryUpdate[]): SyncMemory {
  const groups = new Map(memory.groups.map((g) => [g.externalId, { ...g }]));
  const accounts = new Map(memory.accounts.map((a) => [a.employeeNo, { ...a }]));
  const unitGroups = new Map(memory.unitGroups.map((u) => [u.orgUnitCode, u.externalId]));

  for (const u of updates) {
    switch (u.kind) {
      case "group":
        groups.set(u.memory.externalId, { ...u.memory });
        break;
      case "groupAccept": {
        const g: GroupMemory = groups.get(u.externalId) ?? { externalId: u.externalId, name: "" };
        if (u.field === "name") {
          g.name = u.imValue;
          g.hrName = u.hrValue === u.imValue ? undefined : u.hrValue;
        } else {
          g.parentExternalId = u.imValue || undefined;
          g.hrParentExternalId = u.hrValue === u.imValue ? undefined : u.hrValue;
        }
        groups.set(u.externalId, g);
        break;
      }
      case "unitGroup":
        unitGroups.set(u.orgUnitCode, u.externalId);
        break;
      case "forgetGroup":
        if (unitGroups.get(u.orgUnitCode) === u.externalId) unitGroups.delete(u.orgUnitCode);
        groups.delete(u.externalId);
        break;
      case "account": {
        const prev = accounts.get(u.employeeNo);
        const next: AccountMemory = {
          employeeNo: u.employeeNo,
          imUserId: u.imUserId,
          state: u.state ?? prev?.state ?? "ACTIVE",
        };
        const syncedHash =
          u.syncedHash ?? (prev?.imUserId === u.imUserId ? prev.syncedHash : undefined);
        if (syncedHash) next.syncedHash = syncedHash;
        const disabledAt = u.disabledAt ?? prev?.disabledAt;
        if (disabledAt && (next.state === "DISABLED" || next.state === "DELETED"))
          next.disabledAt = disabledAt;
        accounts.set(u.employeeNo, next);
        break;
      }
      case "accountField": {
        const prev = accounts.get(u.employeeNo);
        const hashes = parseSyncedHash(prev?.syncedHash);
        // Without stored hashes there is nothing to patch; the next plan treats the account as never synced.
        if (!prev || !hashes) break;
        hashes[u.field] = {
          hr: hashFieldValues({ [u.field]: u.hrValue })[u.field].hr,
          im: hashFieldValues({ [u.field]: u.imValue })[u.field].im,
        };
        prev.syncedHash = encodeSyncedHash(hashes, parseSyncedProtection(prev.syncedHash));
        break;
      }
    }
  }
  return {
    groups: [...groups.values()],
    accounts: [...accounts.values()],
    unitGroups: [...unitGroups.entries()].map(([orgUnitCode, externalId]) => ({
      orgUnitCode,
      externalId,
    })),
  };
}
