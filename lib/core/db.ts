import { PrismaPg } from "@prisma/adapter-pg";
import { envSection } from "@/lib/core/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process (Next.js dev reloads modules; keep it on globalThis).
// Secret columns are omitted by default: a query has to ask for them by name.
function createClient(url: string, poolSize: number) {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: url,
      max: poolSize,
    }),
    omit: {
      connection: { secretsCipher: true },
      callbackEndpoint: { secretCipher: true, previousSecretCipher: true },
      apiToken: { hash: true },
      oAuthClient: { secretHash: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { orgbridgeDb?: Db };

export function getDb(): Db {
  if (!globalForDb.orgbridgeDb) {
    // The run command sets DATABASE_URL for the embedded PostgreSQL.
    const { DATABASE_URL, DATABASE_POOL_SIZE } = envSection("database");
    globalForDb.orgbridgeDb = createClient(DATABASE_URL, DATABASE_POOL_SIZE);
  }
  return globalForDb.orgbridgeDb;
}

/** Lazily created so importing a module never needs a database. */
export const db: Db = new Proxy({} as Db, {
  get: (_t, prop) => Reflect.get(getDb(), prop),
});

export type { Prisma } from "@/lib/generated/prisma/client";
