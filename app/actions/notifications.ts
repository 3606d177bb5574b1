"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { areaAction } from "@/lib/core/action";
import { listOrgUnitChildren } from "@/lib/notifications/queries/list-org-unit-children";
import { simulateDelivery } from "@/lib/notifications/queries/simulate-delivery";
import { searchEmployees } from "@/lib/notifications/queries/search-employees";
import { searchOrgUnits } from "@/lib/notifications/queries/search-org-units";
import { setPreference } from "@/lib/notifications/commands/set-preference";
import {
  employeeSearchSchema,
  orgUnitChildrenSchema,
  orgUnitSearchSchema,
  setPreferenceSchema,
  simulateDeliverySchema,
} from "@/lib/notifications/console-schemas";
import { categoryInputSchema } from "@/lib/notifications/category-input-schema";
import { recipientsSchema } from "@/lib/notifications/notification-input-schema";
import { previewAudience } from "@/lib/notifications/queries/preview-audience";
import { createNotification } from "@/lib/notifications/commands/create-notification";
import {
  archiveCategory,
  createCategory,
  updateCategory,
} from "@/lib/notifications/commands/save-category";

export const createCategoryAction = areaAction(
  "notifications",
  categoryInputSchema,
  async (input, ctx) => {
    const category = await createCategory(input, ctx);
    revalidatePath("/notifications");
    return { id: category.id, key: category.key, version: category.version };
  },
);

export const updateCategoryAction = areaAction(
  "notifications",
  z.object({ id: z.string().min(1), policy: categoryInputSchema }),
  async (input, ctx) => {
    const category = await updateCategory(input, ctx);
    revalidatePath("/notifications");
    revalidatePath(`/notifications/categories/${category.key}`);
    return { id: category.id, key: category.key, version: category.version };
  },
);

export const archiveCategoryAction = areaAction(
  "notifications",
  z.object({ id: z.string().min(1), archived: z.boolean() }),
  async (input, ctx) => {
    const category = await archiveCategory(input, ctx);
    revalidatePath("/notifications");
    revalidatePath(`/notifications/categories/${category.key}`);
    return { key: category.key, archived: category.archived };
  },
);

export const simulateDeliveryAction = areaAction(
  "notifications",
  simulateDeliverySchema,
  async (input) => simulateDelivery(input),
);

export const searchEmployeesAction = areaAction(
  "notifications",
  employeeSearchSchema,
  async ({ q }) => searchEmployees(q),
);

export const searchOrgUnitsAction = areaAction(
  "notifications",
  orgUnitSearchSchema,
  async ({ q }) => searchOrgUnits(q),
);

export const listOrgUnitChildrenAction = areaAction(
  "notifications",
  orgUnitChildrenSchema,
  async ({ parentCode }) => listOrgUnitChildren(parentCode),
);

export const setPreferenceAction = areaAction(
  "me",
  setPreferenceSchema,
  async ({ categoryKey, optedIn }, { user, actor }) => {
    const saved = await setPreference(
      { employeeId: user.employeeId ?? "", categoryKey, optedIn },
      { actor: { ...actor, employeeId: user.employeeId } },
    );
    revalidatePath("/me");
    return saved;
  },
);

export const previewAudienceAction = areaAction(
  "notifications",
  recipientsSchema,
  async (recipients) => {
    const { count, unknownEmployeeNos, inactiveEmployeeNos, unknownOrgUnits } =
      await previewAudience(recipients);
    return { count, unknownEmployeeNos, inactiveEmployeeNos, unknownOrgUnits };
  },
);

// The body limit depends on the live IM target, so createNotification validates with the schema
// built for it; the form runs the same schema (notificationInputSchemaFor) with that limit.
export const sendNotificationAction = areaAction(
  "notifications",
  z.object({
    input: z.record(z.string(), z.unknown()),
    idempotencyKey: z.string().min(1).max(200),
  }),
  async ({ input, idempotencyKey }, ctx) => {
    const result = await createNotification({ notification: input, idempotencyKey }, ctx);
    revalidatePath("/notifications/log");
    return {
      id: result.notification.id,
      created: result.created,
      recipientCount: result.notification.recipientCount,
      unknownEmployeeNos: result.unknownEmployeeNos,
      unknownOrgUnits: result.unknownOrgUnits,
    };
  },
);
