import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32, as ULID

let lastMs = 0;
let lastRand: number[] = [];

/** A ULID (48-bit ms time + 80 random bits, Crockford base32), monotonic within one process. */
export function ulid(nowMs = Date.now()): string {
  let rand: number[];
  if (nowMs === lastMs) {
    rand = [...lastRand];
    for (let i = rand.length - 1; i >= 0; i--) {
      if (rand[i] < 31) {
        rand[i]++;
        break;
      }
      rand[i] = 0;
    }
  } else {
    rand = [...randomBytes(16)].map((b) => b & 31);
  }
  lastMs = nowMs;
  lastRand = rand;
  let time = "";
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + rand.map((r) => ALPHABET[r]).join("");
}

/** A short random id for rows without a natural key. */
export function rowId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}

/** A ULID whose random part is derived from `seed` (same inputs → same id; used for cron ticks). */
export function deterministicUlid(nowMs: number, seed: string): string {
  const h = createHash("sha256").update(seed).digest();
  let time = "";
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + [...h.subarray(0, 16)].map((b) => ALPHABET[b & 31]).join("");
}

/** A uuid derived from `seed` (pg-boss job ids must be uuids; a repeat insert is ignored). */
export function deterministicUuid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
