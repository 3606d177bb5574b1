import type { AccountProtection, ProtectionSwitches } from "../types";

const SWITCHES = ["hideMobile", "seniorMode"] as const;

/** The switches an update flips: their state as last written, and as wanted now. */
export type ProtectionFlip = { before: ProtectionSwitches; after: ProtectionSwitches };

/**
 * Which platform protection switches an existing account needs flipped: on where a privacy rule
 * asks for one that OrgBridge has not turned on, off where OrgBridge turned one on and no rule asks
 * for it any more. Switches nobody asked OrgBridge for are never turned off, since `remembered` only
 * holds those OrgBridge wrote. Null when nothing flips.
 */
export function planProtectionSwitches(
  remembered: AccountProtection,
  wanted: AccountProtection | undefined,
): ProtectionFlip | null {
  const flip: ProtectionFlip = { before: {}, after: {} };
  for (const s of SWITCHES) {
    const was = remembered[s] === true;
    const now = wanted?.[s] === true;
    if (was === now) continue;
    flip.before[s] = was;
    flip.after[s] = now;
  }
  return Object.keys(flip.after).length > 0 ? flip : null;
}
