import type { CreateImUserInput, UpdateImUserInput } from "@/lib/connectors/types";
import type { AccountCreateChange, AccountUpdateChange } from "../types";

/**
 * What the connector's createUser receives for a planned create, given its groups resolved to ids.
 * Shared by the executor and the dry-run call list, so what a dry run shows is what apply sends.
 */
export function createUserRequest(c: AccountCreateChange, groupIds: string[]): CreateImUserInput {
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
  };
}

/** What the connector's updateUser receives for a planned update (see createUserRequest). */
export function updateUserRequest(c: AccountUpdateChange): UpdateImUserInput {
  return {
    ...c.after.fields,
    ...c.after.protection,
    ...(c.after.enabled ? { enabled: true } : {}),
  };
}
