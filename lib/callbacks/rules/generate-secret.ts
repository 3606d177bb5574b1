import { randomBytes } from "node:crypto";

/** How to make an endpoint signing secret. */
export type GenerateSecretOptions = {
  /** Random bytes before base64, 24–32 (Standard Webhooks asks for 24–64; we cap at 32). Default 32. */
  bytes?: number;
  /** Source of randomness, for tests. Default node:crypto randomBytes. */
  random?: (size: number) => Uint8Array;
};

/** A new Standard Webhooks secret: `whsec_` + base64 of 24–32 random bytes. */
export function generateSecret(options: GenerateSecretOptions = {}): string {
  const { bytes = 32, random = randomBytes } = options;
  if (!Number.isInteger(bytes) || bytes < 24 || bytes > 32)
    throw new RangeError("bytes must be a whole number from 24 to 32");
  return `whsec_${Buffer.from(random(bytes)).toString("base64")}`;
}
