import { z } from "zod";
import { ScimError } from "../scim-error";
import type { StoredGroup } from "../types";
import { canonicalKeys } from "./canonical-keys";

/** A group's members; more than this in one group is refused rather than half-kept. */
export const MAX_GROUP_MEMBERS = 10_000;

const groupSchema = z.object({
  displayName: z.string().trim().min(1).max(200),
  externalId: z.string().trim().min(1).max(256).optional(),
  members: z
    .array(
      z.object({
        value: z.string().trim().min(1).max(64),
        display: z.string().max(200).optional(),
        type: z.string().max(20).optional(),
        $ref: z.string().max(500).optional(),
      }),
    )
    .max(MAX_GROUP_MEMBERS)
    .optional(),
});
const GROUP_KEYS = [...Object.keys(groupSchema.shape), "schemas", "id", "meta"];

/** Checks a Group resource (POST, PUT, or after a PATCH); members are kept once each, by id. */
export function readScimGroup(input: Record<string, unknown>): StoredGroup {
  const parsed = groupSchema.safeParse(canonicalKeys(input, GROUP_KEYS));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map(String).join(".");
    throw new ScimError(400, "invalidValue", `${path || "body"}: ${issue.message}`);
  }
  const seen = new Set<string>();
  const members: StoredGroup["members"] = [];
  for (const m of parsed.data.members ?? []) {
    if (seen.has(m.value)) continue;
    seen.add(m.value);
    members.push({ value: m.value, ...(m.display ? { display: m.display } : {}) });
  }
  return {
    displayName: parsed.data.displayName,
    ...(parsed.data.externalId ? { externalId: parsed.data.externalId } : {}),
    members,
  };
}
