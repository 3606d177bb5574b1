"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/core/action";
import { deleteConnection } from "@/lib/connections/commands/delete-connection";
import { saveConnection } from "@/lib/connections/commands/save-connection";
import { connectionIdSchema, saveConnectionSchema } from "@/lib/connections/save-connection-schema";
import { testConnection } from "@/lib/connections/commands/test-connection";

export const saveConnectionAction = areaAction(
  "connections",
  saveConnectionSchema,
  async (input, ctx) => {
    const saved = await saveConnection(input, ctx);
    revalidatePath("/connections");
    return saved;
  },
);

export const deleteConnectionAction = areaAction(
  "connections",
  connectionIdSchema,
  async ({ id }, ctx) => {
    const deleted = await deleteConnection({ id }, ctx);
    revalidatePath("/connections");
    return deleted;
  },
);

export const testConnectionAction = areaAction(
  "connections",
  connectionIdSchema,
  async ({ id }, ctx) => {
    const outcome = await testConnection({ id }, ctx);
    revalidatePath("/connections");
    return {
      ok: outcome.ok,
      message: outcome.message,
      code: outcome.code ?? null,
      latencyMs: outcome.latencyMs,
    };
  },
);
