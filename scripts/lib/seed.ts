import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { generateCompany, type GenerateCompanyOptions } from "@/lib/sandbox/demo/generate-company";
import { writeCompanyToSandboxHr } from "@/lib/sandbox/demo/write-company-to-sandbox-hr";

type SeedOptions = GenerateCompanyOptions & {
  /** Where progress lines go. */
  log?: (line: string) => void;
  /** Seed even when the sandbox HR already has data (wipes the demo tables first). */
  force?: boolean;
};

/**
 * Fills the sandbox HR system with the demo company. OrgBridge's own directory
 * is filled from it the way it would be from a real HR system: by an HR pull
 * through the connector (the run command does the first one).
 * Returns false when there was data already and `force` was not set.
 */
export async function seedDemoCompany(url: string, opts: SeedOptions = {}): Promise<boolean> {
  const log = opts.log ?? (() => {});
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    if (!opts.force && (await db.sandboxHrEmployee.count()) > 0) return false;
    const started = Date.now();
    const company = generateCompany(opts);
    const { units, employees } = company;

    await db.$transaction(
      async (tx) => {
        if (opts.force) {
          await tx.$executeRaw`TRUNCATE "SandboxHrEmployee", "SandboxHrUnit" CASCADE`;
        }
        await writeCompanyToSandboxHr(tx, company);
      },
      { timeout: 120_000 },
    );
    log(
      `Seeded the sandbox HR with the demo company: ${units.length} org units, ${employees.length} employees (${Date.now() - started} ms).`,
    );
    return true;
  } finally {
    await db.$disconnect();
  }
}
