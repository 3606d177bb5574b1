"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/core/action";
import { deleteConnection } from "@/lib/connections/commands/delete-connection";
import { createScimConnection } from "@/lib/scim/commands/create-scim-connection";
import { rotateScimToken } from "@/lib/scim/commands/rotate-scim-token";
import {
  createScimConnectionSchema,
  scimConnectionIdSchema,
} from "@/lib/scim/scim-connection-schema";

export const createScimConnectionAction = areaAction(
  "connections",
  createScimConnectionSchema,
  async (input, ctx) => {
    const created = await createScimConnection(input, ctx);
    revalidatePath("/connections");
    return created;
  },
);

export const rotateScimTokenAction = areaAction(
  "connections",
  scimConnectionIdSchema,
  async (input, ctx) => {
    const rotated = await rotateScimToken(input, ctx);
    revalidatePath("/connections");
    return rotated;
  },
);

export const deleteScimConnectionAction = areaAction(
  "connections",
  scimConnectionIdSchema,
  async (input, ctx) => {
    const deleted = await deleteConnection(input, ctx);
    revalidatePath("/connections");
    return deleted;
  },
);
