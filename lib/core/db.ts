import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process (Next.js dev reloads modules; keep it on globalThis).
// Secret columns are omitted by default: a query has to ask for them by name.
function createClient(url: string) {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    }),
    omit: {
      connection: { secretsCipher: true },
      callbackEndpoint: { secretCipher: true, previousSecretCipher: true },
      apiToken: { hash: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { orgbridgeDb?: Db };

export function getDb(): Db {
  if (!globalForDb.orgbridgeDb) {
    const url = process.env.DATABASE_URL;
    if (!url)
      throw new Error(
        "DATABASE_URL is not set (the run command sets it for the embedded PostgreSQL).",
      );
    globalForDb.orgbridgeDb = createClient(url);
  }
  return globalForDb.orgbridgeDb;
}

/** Lazily created so importing a module never needs a database. */
export const db: Db = new Proxy({} as Db, {
  get: (_t, prop) => Reflect.get(getDb(), prop),
});

export type { Prisma } from "@/lib/generated/prisma/client";
