"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/core/action";
import { env } from "@/lib/core/env";
import { sandboxHrWebhookTarget } from "@/lib/sandbox/hr/sandbox-webhook-target";
import { getSandboxDb } from "@/lib/sandbox/console/get-sandbox-db";
import {
  hrSimulationSchema,
  searchHrEmployeesSchema,
} from "@/lib/sandbox/console/hr-simulation-schema";
import { renameImDepartmentSchema } from "@/lib/sandbox/console/im-preview-schema";
import { renameImDepartment } from "@/lib/sandbox/console/rename-im-department";
import { searchHrEmployees } from "@/lib/sandbox/console/search-hr-employees";
import { simulateHrChange } from "@/lib/sandbox/console/simulate-hr-change";

export const simulateHrChangeAction = areaAction(
  "hrSimulator",
  hrSimulationSchema,
  async (input, ctx) => {
    // Pushed to our own HR webhook receiver like a real HR system would, so the incremental sync reacts in seconds.
    const webhook = await sandboxHrWebhookTarget(env().NEXTAUTH_URL);
    const summary = await simulateHrChange(input, ctx, { sandboxDb: getSandboxDb(), webhook });
    revalidatePath("/hr-simulator");
    return summary;
  },
);

export const searchHrEmployeesAction = areaAction(
  "hrSimulator",
  searchHrEmployeesSchema,
  async ({ query }) => searchHrEmployees(getSandboxDb(), query, { limit: 10 }),
);

// The IM preview itself is view-only; simulating an IM admin's edit is a simulator right (HR and IT admins).
export const renameImDepartmentAction = areaAction(
  "hrSimulator",
  renameImDepartmentSchema,
  async (input, ctx) => {
    const result = await renameImDepartment(input, ctx, { sandboxDb: getSandboxDb() });
    revalidatePath("/im-preview");
    return result;
  },
);
