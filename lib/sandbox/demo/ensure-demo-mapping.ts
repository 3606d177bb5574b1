import { PrismaPg } from "@prisma/adapter-pg";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { SANDBOX_IM_CONNECTION } from "@/lib/sandbox/demo/ensure-sandbox-connections";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type EnsureDemoMappingOptions = {
  /** PostgreSQL to write to (the run command's embedded database). */
  databaseUrl: string;
  /** The IM connection to map; default the sandbox IM. */
  connectionName?: string;
  /** The HR unit to mirror; default the demo company's root. */
  rootUnitCode?: string;
};

export type EnsureDemoMappingResult = {
  created: boolean;
  reason?: "exists" | "no_connection" | "no_unit";
};

/**
 * The embedded demo syncs out of the box: when the sandbox IM connection has no
 * mappings yet, mirror the whole demo company (root unit with its descendants,
 * groups named "{name}"). Audited as the system. A no-op once any mapping exists,
 * so an admin's mappings are never touched.
 */
export async function ensureDemoMapping(
  options: EnsureDemoMappingOptions,
): Promise<EnsureDemoMappingResult> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.databaseUrl }) });
  try {
    return await db.$transaction(async (tx) => {
      const connection = await tx.connection.findUnique({
        where: {
          kind_name: { kind: "IM_TARGET", name: options.connectionName ?? SANDBOX_IM_CONNECTION },
        },
        select: { id: true },
      });
      if (!connection) return { created: false, reason: "no_connection" as const };
      if ((await tx.orgMapping.count({ where: { connectionId: connection.id } })) > 0)
        return { created: false, reason: "exists" as const };
      const unit = await tx.orgUnit.findUnique({
        where: { code: options.rootUnitCode ?? "XH" },
        select: { id: true, code: true },
      });
      if (!unit) return { created: false, reason: "no_unit" as const };
      const mapping = await tx.orgMapping.create({
        data: {
          orgUnitId: unit.id,
          connectionId: connection.id,
          mode: "MIRROR",
          includeDescendants: true,
          namingTemplate: "{name}",
        },
      });
      await recordAudit(
        tx,
        { type: "system", id: "run-command" },
        {
          action: "mapping.created",
          targetType: "org_mapping",
          targetId: mapping.id,
          after: {
            orgUnitCode: unit.code,
            connectionId: connection.id,
            mode: "MIRROR",
            includeDescendants: true,
            namingTemplate: "{name}",
          },
        },
      );
      return { created: true };
    });
  } finally {
    await db.$disconnect();
  }
}
