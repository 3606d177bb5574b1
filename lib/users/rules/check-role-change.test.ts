import { describe, expect, test } from "vitest";
import type { Role } from "@/lib/core/auth/permissions";
import { checkRoleChange } from "./check-role-change";

const IT: Role[] = ["EMPLOYEE", "IT_ADMIN"];
const HR: Role[] = ["EMPLOYEE", "HR_ADMIN"];
const EMP: Role[] = ["EMPLOYEE"];
const BOTH: Role[] = ["EMPLOYEE", "HR_ADMIN", "IT_ADMIN"];

const change = (actorId: string, actorRoles: Role[], before: Role[], after: Role[]) =>
  checkRoleChange({
    actor: { id: actorId, roles: actorRoles },
    target: { id: "target", before, after },
  });

describe("checkRoleChange", () => {
  test.each([
    ["IT admin grants themselves HR admin", "target", IT, IT, BOTH, "own_roles"],
    ["IT admin removes their own IT admin", "target", IT, IT, EMP, "own_roles"],
    ["HR admin grants themselves IT admin", "target", HR, HR, BOTH, "own_roles"],
    ["admin drops their own HR role only", "target", BOTH, BOTH, IT, "own_roles"],
    ["admin re-saves their own unchanged roles", "target", IT, IT, IT, "own_roles"],
    ["HR admin grants IT admin to another", "a", HR, EMP, IT, "role_change_not_allowed"],
    ["HR admin revokes another's IT admin", "a", HR, IT, EMP, "role_change_not_allowed"],
    ["employee grants HR admin", "a", EMP, EMP, HR, "role_change_not_allowed"],
  ])("refuses: %s", (_name, actorId, actorRoles, before, after, code) => {
    expect(change(actorId, actorRoles, before, after)?.code).toBe(code);
  });

  test.each([
    ["IT admin grants another IT admin", "a", IT, EMP, IT],
    ["IT admin revokes another's IT admin", "a", IT, IT, EMP],
    ["IT admin grants another HR admin", "a", IT, EMP, HR],
    ["HR admin grants another HR admin", "a", HR, EMP, HR],
    ["HR admin revokes another's HR admin", "a", HR, HR, EMP],
    ["IT admin changes nothing admin-related", "a", IT, EMP, EMP],
  ])("allows: %s", (_name, actorId, actorRoles, before, after) => {
    expect(change(actorId, actorRoles, before, after)).toBeNull();
  });

  test("the refusal for one's own IT admin role says so", () => {
    expect(change("target", IT, IT, EMP)?.message).toMatch(/own IT admin role/);
  });
});
