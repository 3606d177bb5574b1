// Key rotation: put the new key first in ORGBRIDGE_SECRET_KEY (keep the old one after it),
// restart, then run `npm run secrets:rotate`; afterwards the old key can be removed.
import { withDatabase } from "./lib/stack.ts";

await withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  if (!process.env.ORGBRIDGE_SECRET_KEY) {
    const { loadOrCreateSecrets } = await import("./lib/secrets.ts");
    const path = await import("node:path");
    const { projectRoot } = await import("./lib/stack.ts");
    process.env.ORGBRIDGE_SECRET_KEY = loadOrCreateSecrets(
      path.join(projectRoot, ".data/secrets.json"),
    ).encryptionKey;
  }
  const { reencryptAllSecrets } = await import("@/lib/core/crypto/reencrypt-all-secrets");
  const done = await reencryptAllSecrets();
  console.log(
    `Re-encrypted ${done.connections} connection(s) and ${done.endpoints} callback endpoint(s) with the first key.`,
  );
  if (done.unreadable.length) {
    console.error(
      `No configured key opens: ${done.unreadable.join(", ")}. Add the key they were sealed with back to ORGBRIDGE_SECRET_KEY.`,
    );
    process.exitCode = 1;
  }
  const { getDb } = await import("@/lib/core/db");
  await getDb().$disconnect();
});
