import type { CreateImUserInput, UpdateImUserInput } from "@/lib/connectors/types";
import type { AccountCreateChange, AccountUpdateChange, ManagerRef } from "../types";

/**
 * What the connector's createUser receives for a planned create, given its groups and manager resolved to
 * ids. Shared by the executor and the dry-run call list, so what a dry run shows is what apply sends.
 */
export function createUserRequest(
  c: AccountCreateChange,
  groupIds: string[],
  managerId?: string,
): CreateImUserInput {
  const { fields } = c.after;
  return {
    id: c.after.imUserId,
    name: fields.name ?? c.targetKey,
    email: fields.email,
    mobile: fields.mobile,
    title: fields.title,
    employeeNo: c.targetKey,
    groupIds,
    ...c.after.protection,
    ...(managerId ? { managerId } : {}),
  };
}

/** What the connector's updateUser receives for a planned update (see createUserRequest; null clears the manager). */
export function updateUserRequest(
  c: AccountUpdateChange,
  managerId?: string | null,
): UpdateImUserInput {
  return {
    ...c.after.fields,
    ...c.after.protection,
    ...(c.after.enabled ? { enabled: true } : {}),
    ...(c.after.manager !== undefined && managerId !== undefined ? { managerId } : {}),
  };
}

/** The manager's IM id where the plan knows it; a manager created earlier in the run is named by employee number. */
export function managerLabel(ref: ManagerRef | null | undefined): string | null | undefined {
  if (!ref) return ref;
  return "imUserId" in ref ? ref.imUserId : `<new account of ${ref.pendingEmployeeNo}>`;
}
