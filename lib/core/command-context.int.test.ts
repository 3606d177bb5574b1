import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inTransaction, ownTransactionOnly } from "@/lib/core/command-context";
import { db } from "@/lib/core/db";
import { setupTestDb } from "@/lib/testing/setup-test-db";

setupTestDb();

const stored = (key: string) => db.setting.count({ where: { key } });

describe("command context transactions", () => {
  it("without ctx.tx opens its own transaction: committed on success, rolled back on a throw", async () => {
    const kept = `ctx-own-${randomUUID()}`;
    await inTransaction({}, (tx) => tx.setting.create({ data: { key: kept, value: 1 } }));
    expect(await stored(kept)).toBe(1);

    const dropped = `ctx-own-${randomUUID()}`;
    const boom = new Error("fails after the write");
    await expect(
      inTransaction({}, async (tx) => {
        await tx.setting.create({ data: { key: dropped, value: 1 } });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await stored(dropped)).toBe(0);
  });

  it("with ctx.tx runs in the caller's transaction: the caller's rollback undoes the write", async () => {
    const key = `ctx-caller-${randomUUID()}`;
    const rollback = new Error("caller rolls back");
    await expect(
      db.$transaction(async (tx) => {
        await inTransaction({ tx }, async (inner) => {
          expect(inner).toBe(tx);
          await inner.setting.create({ data: { key, value: 1 } });
        });
        expect(await tx.setting.count({ where: { key } })).toBe(1);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await stored(key)).toBe(0);
  });

  it("ownTransactionOnly refuses a caller's transaction, naming the command, and allows none", async () => {
    expect(() => ownTransactionOnly({}, "sendTestEvent")).not.toThrow();
    await db.$transaction(async (tx) => {
      expect(() => ownTransactionOnly({ tx }, "sendTestEvent")).toThrow(
        /sendTestEvent .* cannot run inside a caller's transaction/,
      );
    });
  });
});
