import type { SyncIndex } from "./index-sync-input";
import type { AccountMemory, ImUserState } from "../types";

/** The employee's linked IM user, if the link is remembered, not deleted, and the user still exists in IM. */
export function findLiveAccount(
  index: SyncIndex,
  employeeNo: string,
): { memory: AccountMemory; user: ImUserState } | null {
  const memory = index.accountsByEmployee.get(employeeNo);
  if (!memory || memory.state === "DELETED") return null;
  const user = index.imUsers.get(memory.imUserId);
  return user ? { memory, user } : null;
}
