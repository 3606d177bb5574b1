import { db } from "@/lib/core/db";
import { UNMATCHED_DEPARTMENT_CONFLICT } from "../commands/prepare-user-change";
import type { ScimConnectionConfig } from "../types";

export type ScimConnectionSummary = {
  id: string;
  name: string;
  enabled: boolean;
  tokenHint: string;
  tokenRotatedAt: string;
  fallbackUnitCode: string | null;
  users: number;
  groups: number;
  /** Open conflicts of users whose department matched no org unit. */
  unmatchedDepartments: number;
  lastPushAt: Date | null;
};

/** The SCIM inbound connections for the console: never the token or its hash. */
export async function listScimConnections(): Promise<ScimConnectionSummary[]> {
  const rows = await db.connection.findMany({
    where: { kind: "SCIM_INBOUND" },
    orderBy: { name: "asc" },
  });
  return Promise.all(
    rows.map(async (row) => {
      const config = row.config as ScimConnectionConfig;
      const [users, groups, unmatchedDepartments, last] = await Promise.all([
        db.scimResource.count({ where: { connectionId: row.id, type: "User" } }),
        db.scimResource.count({ where: { connectionId: row.id, type: "Group" } }),
        db.syncConflict.count({
          where: { connectionId: row.id, type: UNMATCHED_DEPARTMENT_CONFLICT, status: "OPEN" },
        }),
        db.scimResource.findFirst({
          where: { connectionId: row.id },
          orderBy: { updatedAt: "desc" },
          select: { updatedAt: true },
        }),
      ]);
      return {
        id: row.id,
        name: row.name,
        enabled: row.enabled,
        tokenHint: config.tokenHint,
        tokenRotatedAt: config.tokenRotatedAt,
        fallbackUnitCode: config.fallbackUnitCode ?? null,
        users,
        groups,
        unmatchedDepartments,
        lastPushAt: last?.updatedAt ?? null,
      };
    }),
  );
}
