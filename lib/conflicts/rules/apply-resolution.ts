import { z } from "zod";
import { groupRefKey } from "@/lib/sync/rules/group-ref-key";
import type { GroupRef, Mapping, MemoryUpdate, PlannedChange } from "@/lib/sync/types";
import { validateNamingTemplate } from "@/lib/sync/rules/validate-naming-template";
import type { Conflict, Resolution } from "../types";

/** Create or update the unit's own mapping; absent fields keep the current value (or the default). */
export type MappingUpsert = { orgUnitCode: string } & Partial<Omit<Mapping, "orgUnitCode">>;

export type ResolutionEffects = {
  /** IM writes to apply now (the executor records them as a sync change). */
  changes: PlannedChange[];
  /** Memory-only updates (see applyMemoryUpdates). */
  memoryUpdates: MemoryUpdate[];
  /** Mapping edits; the next plan picks them up. */
  mappingUpserts: MappingUpsert[];
  /** For deletion_threshold: what happens to the held run. */
  run?: "approve" | "reject";
};

export type ApplyResolutionInput = {
  /** The conflict as detected (or read back from SyncConflict). */
  conflict: Conflict;
  /** The admin's decision. */
  resolution: Resolution;
  /** Current instant, for disables. */
  now: Date;
};

export type ApplyResolutionResult =
  { ok: true; effects: ResolutionEffects } | { ok: false; error: string };

const nameSchema = z
  .union([z.string(), z.object({ name: z.string() }).transform((v) => v.name)])
  .pipe(z.string().trim().min(1).max(64));
const parentSchema = z.object({ parentExternalId: z.string().min(1).nullable() });
const imUserSchema = z
  .union([z.string(), z.object({ imUserId: z.string() }).transform((v) => v.imUserId)])
  .pipe(z.string().min(1));
const employeeSchema = z
  .union([z.string(), z.object({ employeeNo: z.string() }).transform((v) => v.employeeNo)])
  .pipe(z.string().min(1));
const fieldValueSchema = z.union([
  z.string(),
  z.object({ value: z.string() }).transform((v) => v.value),
]);
const groupIdSchema = z.object({ imGroupExternalId: z.string().min(1) });
const templateSchema = z.object({ namingTemplate: z.string() });
const mappingSchema = z.object({
  mode: z.enum(["MIRROR", "LINK", "EXCLUDE"]),
  imGroupExternalId: z.string().min(1).optional(),
  includeDescendants: z.boolean().optional(),
  namingTemplate: z.string().optional(),
});

const none = (): ResolutionEffects => ({ changes: [], memoryUpdates: [], mappingUpserts: [] });
const ok = (patch: Partial<ResolutionEffects> = {}): ApplyResolutionResult => ({
  ok: true,
  effects: { ...none(), ...patch },
});
const fail = (error: string): ApplyResolutionResult => ({ ok: false, error });

/**
 * Turns an admin's decision on a conflict into IM changes, memory updates or
 * mapping edits. keep_im always means "remember IM's value as accepted" so the
 * next plan stops pushing HR's — until HR changes again. Ignore changes nothing:
 * the blocked change stays unplanned while the conflict stays ignored.
 */
export function applyResolution(input: ApplyResolutionInput): ApplyResolutionResult {
  const { conflict: c, resolution: r } = input;
  if (r.kind === "ignore") return c.type === "deletion_threshold" ? ok({ run: "reject" }) : ok();
  const custom = r.kind === "custom" ? r.value : undefined;

  switch (c.type) {
    case "im_group_renamed": {
      const externalId = c.subjectKey;
      const before = { externalId, name: c.imValue.name };
      if (r.kind === "keep_hr")
        return ok({ changes: [rename(c.hrValue.unitCode, before, c.hrValue.name)] });
      if (r.kind === "keep_im") {
        return ok({
          memoryUpdates: [
            {
              kind: "groupAccept",
              externalId,
              field: "name",
              imValue: c.imValue.name,
              hrValue: c.hrValue.name,
            },
          ],
        });
      }
      const name = nameSchema.safeParse(custom);
      if (!name.success)
        return fail("Custom value must be a non-empty name of at most 64 characters.");
      return ok({ changes: [rename(c.hrValue.unitCode, before, name.data, c.hrValue.name)] });
    }
    case "im_group_moved": {
      const externalId = c.subjectKey;
      const before = { externalId, parentExternalId: c.imValue.parentExternalId };
      const move = (parent: GroupRef | null, hrParent?: string) =>
        ok({
          changes: [
            {
              op: "group.move",
              targetType: "im_group",
              targetKey: c.hrValue.unitCode,
              before,
              after:
                hrParent === undefined
                  ? { externalId, parent }
                  : { externalId, parent, hrParentExternalId: hrParent },
            },
          ],
        });
      if (r.kind === "keep_hr") return move(c.hrValue.parent);
      if (r.kind === "keep_im") {
        return ok({
          memoryUpdates: [
            {
              kind: "groupAccept",
              externalId,
              field: "parent",
              imValue: c.imValue.parentExternalId ?? "",
              hrValue: groupRefKey(c.hrValue.parent),
            },
          ],
        });
      }
      const parent = parentSchema.safeParse(custom);
      if (!parent.success) return fail("Custom value must be { parentExternalId: string | null }.");
      const id = parent.data.parentExternalId;
      return move(id ? { externalId: id } : null, groupRefKey(c.hrValue.parent));
    }
    case "account_owned_by_other": {
      if (r.kind === "keep_im") return ok();
      if (c.hrValue.linkedImUserId) {
        return fail(
          "The contact belongs to another IM user; free it in IM (or fix HR), then the next sync writes it.",
        );
      }
      const owners = c.imValue.owners.map((o) => o.imUserId);
      let imUserId: string;
      if (r.kind === "keep_hr") {
        if (owners.length !== 1)
          return fail("Several IM users match; choose one with a custom value { imUserId }.");
        imUserId = owners[0];
      } else {
        const parsed = imUserSchema.safeParse(custom);
        if (!parsed.success || !owners.includes(parsed.data)) {
          return fail(`Custom value must be one of the matching IM users: ${owners.join(", ")}.`);
        }
        imUserId = parsed.data;
      }
      // Linking adopts the IM user; the next plan brings its fields and groups in line with HR.
      return ok({
        memoryUpdates: [
          { kind: "account", employeeNo: c.hrValue.employeeNo, imUserId, state: "ACTIVE" },
        ],
      });
    }
    case "duplicate_contact":
      return fail(
        "Two employees share this contact in HR; correct it in HR. Only ignore is possible here.",
      );
    case "unmapped_unit": {
      if (c.hrValue.reason !== "no_mapping")
        return fail("Fix the employee's unit in HR; only ignore is possible here.");
      const orgUnitCode = c.hrValue.unitCode;
      if (r.kind === "keep_hr") {
        return ok({
          mappingUpserts: [
            { orgUnitCode, mode: "MIRROR", includeDescendants: true, namingTemplate: "{name}" },
          ],
        });
      }
      if (r.kind === "keep_im")
        return ok({ mappingUpserts: [{ orgUnitCode, mode: "EXCLUDE", includeDescendants: true }] });
      const parsed = mappingSchema.safeParse(custom);
      if (!parsed.success)
        return fail(
          "Custom value must be a mapping { mode, imGroupExternalId?, includeDescendants?, namingTemplate? }.",
        );
      if (parsed.data.mode === "LINK" && !parsed.data.imGroupExternalId)
        return fail("LINK needs imGroupExternalId.");
      const templateError = parsed.data.namingTemplate
        ? validateNamingTemplate(parsed.data.namingTemplate)
        : null;
      if (templateError) return fail(templateError);
      return ok({ mappingUpserts: [{ orgUnitCode, ...parsed.data }] });
    }
    case "both_changed": {
      const { employeeNo, field } = c.hrValue;
      const imUserId = c.imValue.imUserId;
      const write = (value: string, remembered: { hrValue: string; imValue: string }) =>
        ok({
          changes: [
            {
              op: "account.update",
              targetType: "im_account",
              targetKey: employeeNo,
              before: { fields: { [field]: c.imValue.value } },
              after: { imUserId, fields: { [field]: value } },
            },
          ],
          memoryUpdates: [{ kind: "accountField", employeeNo, field, ...remembered }],
        });
      if (r.kind === "keep_hr")
        return write(c.hrValue.value, { hrValue: c.hrValue.value, imValue: c.hrValue.value });
      if (r.kind === "keep_im") {
        return ok({
          memoryUpdates: [
            {
              kind: "accountField",
              employeeNo,
              field,
              hrValue: c.hrValue.value,
              imValue: c.imValue.value,
            },
          ],
        });
      }
      const parsed = fieldValueSchema.safeParse(custom);
      if (!parsed.success) return fail("Custom value must be the field's new value (a string).");
      return write(parsed.data, { hrValue: c.hrValue.value, imValue: parsed.data });
    }
    case "orphan_im_user": {
      const imUserId = c.imValue.imUserId;
      if (r.kind === "keep_im") return ok();
      if (r.kind === "keep_hr") {
        return ok({
          changes: [
            {
              op: "account.disable",
              targetType: "im_account",
              targetKey: imUserId,
              before: { state: "ACTIVE" },
              after: {
                imUserId,
                state: "DISABLED",
                effectiveAt: input.now.toISOString(),
                reason: "orphan",
              },
            },
          ],
        });
      }
      const parsed = employeeSchema.safeParse(custom);
      if (!parsed.success)
        return fail("Custom value must be the employee number { employeeNo } to link.");
      return ok({
        memoryUpdates: [{ kind: "account", employeeNo: parsed.data, imUserId, state: "ACTIVE" }],
      });
    }
    case "mapping_group_deleted": {
      const orgUnitCode = c.hrValue.orgUnitCode;
      if (r.kind === "keep_hr")
        return ok({
          mappingUpserts: [{ orgUnitCode, mode: "MIRROR", imGroupExternalId: undefined }],
        });
      if (r.kind === "keep_im") return ok({ mappingUpserts: [{ orgUnitCode, mode: "EXCLUDE" }] });
      const parsed = groupIdSchema.safeParse(custom);
      if (!parsed.success)
        return fail("Custom value must be { imGroupExternalId } of an existing IM group.");
      return ok({
        mappingUpserts: [
          { orgUnitCode, mode: "LINK", imGroupExternalId: parsed.data.imGroupExternalId },
        ],
      });
    }
    case "depth_exceeded": {
      const orgUnitCode = c.hrValue.unitCode;
      if (r.kind === "keep_hr")
        return fail(
          "The IM platform cannot nest deeper; link the unit to an existing group instead.",
        );
      if (r.kind === "keep_im")
        return ok({ mappingUpserts: [{ orgUnitCode, mode: "EXCLUDE", includeDescendants: true }] });
      const parsed = groupIdSchema.safeParse(custom);
      if (!parsed.success)
        return fail("Custom value must be { imGroupExternalId } to link the unit's subtree to.");
      return ok({
        mappingUpserts: [
          {
            orgUnitCode,
            mode: "LINK",
            imGroupExternalId: parsed.data.imGroupExternalId,
            includeDescendants: true,
          },
        ],
      });
    }
    case "invalid_group_name": {
      if (r.kind !== "custom")
        return fail("Give a custom value { namingTemplate } that renders a valid name.");
      const parsed = templateSchema.safeParse(custom);
      if (!parsed.success) return fail("Custom value must be { namingTemplate }.");
      const templateError = validateNamingTemplate(parsed.data.namingTemplate);
      if (templateError) return fail(templateError);
      return ok({
        mappingUpserts: [
          {
            orgUnitCode: c.hrValue.unitCode,
            mode: "MIRROR",
            namingTemplate: parsed.data.namingTemplate,
          },
        ],
      });
    }
    case "group_not_empty": {
      if (r.kind === "keep_im") {
        // Stop managing the group: it stays in IM as a hand-made group.
        return ok({
          memoryUpdates: [
            {
              kind: "forgetGroup",
              orgUnitCode: c.hrValue.unitCode,
              externalId: c.imValue.externalId,
            },
          ],
        });
      }
      return fail(
        "Move the remaining members or groups out in IM; the next sync deletes the group.",
      );
    }
    case "manager_cycle":
    case "manager_out_of_scope":
      // The sync closes these itself once HR's manager (or the manager's scope) is fixed.
      return fail(
        "Fix the manager in HR or bring the manager into this IM's scope; the next sync writes it and closes this conflict. Only ignore is possible here.",
      );
    case "deletion_threshold":
      if (r.kind === "keep_hr") return ok({ run: "approve" });
      if (r.kind === "keep_im") return ok({ run: "reject" });
      return fail("Approve (keep HR) or reject (keep IM) the held run.");
    default:
      // Rows recorded outside the planner (source_claim, scim_unmatched_department) are settled
      // where the data comes from; here they can only be ignored.
      return fail(
        "Fix this at its source (the HR system or the SCIM client) or ignore it; it cannot be resolved here.",
      );
  }
}

function rename(
  unitCode: string,
  before: { externalId: string; name: string },
  name: string,
  hrName?: string,
): PlannedChange {
  return {
    op: "group.rename",
    targetType: "im_group",
    targetKey: unitCode,
    before,
    after:
      hrName === undefined
        ? { externalId: before.externalId, name }
        : { externalId: before.externalId, name, hrName },
  };
}
