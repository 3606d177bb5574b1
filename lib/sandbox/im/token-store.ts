import { randomBytes } from "node:crypto";
import type { SandboxDb } from "../shared/create-sandbox-db";
import { WC } from "./wecom-codes";

export type TokenStoreOptions = {
  db: SandboxDb;
  corpId: string;
  /** Lifetime of a new token (WeCom: 7200 s). */
  ttlSeconds: number;
};

/** Access tokens in SandboxImToken, with an in-process read cache. */
export function createTokenStore({ db, corpId, ttlSeconds }: TokenStoreOptions) {
  const cache = new Map<string, number>(); // token → expiresAt ms

  return {
    /** WeCom hands back the still-valid token on a repeated gettoken, with its remaining lifetime. */
    async issue(): Promise<{ access_token: string; expires_in: number }> {
      const now = Date.now();
      const current = await db.sandboxImToken.findFirst({
        where: { corpid: corpId, expiresAt: { gt: new Date(now + 1_000) } },
        orderBy: { expiresAt: "desc" },
      });
      if (current) {
        cache.set(current.token, current.expiresAt.getTime());
        return {
          access_token: current.token,
          expires_in: Math.floor((current.expiresAt.getTime() - now) / 1_000),
        };
      }
      const token = randomBytes(48).toString("base64url");
      const expiresAt = new Date(now + ttlSeconds * 1_000);
      await db.sandboxImToken.create({ data: { token, corpid: corpId, expiresAt } });
      cache.set(token, expiresAt.getTime());
      return { access_token: token, expires_in: ttlSeconds };
    },

    /** 0 when valid, else the errcode WeCom would answer. */
    async check(token: string | null): Promise<number> {
      if (!token) return WC.MISSING_TOKEN;
      let expiresAt = cache.get(token);
      if (expiresAt === undefined) {
        const row = await db.sandboxImToken.findUnique({ where: { token } });
        if (!row || row.corpid !== corpId) return WC.INVALID_TOKEN;
        expiresAt = row.expiresAt.getTime();
        cache.set(token, expiresAt);
      }
      return expiresAt > Date.now() ? 0 : WC.TOKEN_EXPIRED;
    },

    /** Fault injection: every token issued so far is now expired. */
    async expireAll(): Promise<void> {
      const past = new Date(Date.now() - 1_000);
      await db.sandboxImToken.updateMany({ where: { corpid: corpId }, data: { expiresAt: past } });
      for (const token of cache.keys()) cache.set(token, past.getTime());
    },
  };
}
