import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * What sandbox code needs from a Prisma client: its own tables and raw SQL. Structural, so the app's
 * client (`getDb()`, which has global omits) can be passed to the read helpers and the simulator.
 */
export type SandboxDb = Pick<
  PrismaClient,
  | "sandboxHrUnit"
  | "sandboxHrEmployee"
  | "sandboxImDepartment"
  | "sandboxImUser"
  | "sandboxImGroupChat"
  | "sandboxImMessage"
  | "sandboxImToken"
  | "$queryRaw"
  | "$disconnect"
>;

/** A Prisma client of the sandbox's own (a sandbox stands for an outside system: it does not share the app's pool). */
export function createSandboxDb(databaseUrl: string, poolSize = 10): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }),
  });
}

/** The unique-constraint field names in a Prisma P2002 error, whatever shape the driver adapter gave them. */
export function uniqueViolationFields(err: unknown): string[] | undefined {
  const e = err as { code?: string; meta?: unknown; message?: string };
  if (e?.code !== "P2002") return undefined;
  const text = `${JSON.stringify(e.meta ?? {})} ${e.message ?? ""}`;
  return ["useridLower", "userid", "mobile", "email", "id", "code", "employeeNo"].filter((f) =>
    text.includes(f),
  );
}
