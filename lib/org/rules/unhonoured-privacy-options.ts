import type { PrivacyCapability } from "@/lib/connectors/types";

export type UnhonouredOption = "hideMobile" | "hideEmail" | "seniorMode" | "noContactLeft";

export type PrivacyAsk = { hideMobile: boolean; hideEmail: boolean; seniorMode: boolean };

/**
 * What a privacy rule asks that a platform cannot do. "noContactLeft": the platform needs a mobile
 * or an e-mail to create a user, and the rule would omit both.
 */
export function unhonouredPrivacyOptions(
  ask: PrivacyAsk,
  privacy: PrivacyCapability,
  requiresContact: "mobile" | "mobile_or_email" | "email" | "none",
): UnhonouredOption[] {
  const out: UnhonouredOption[] = [];
  if (ask.hideMobile && privacy.hideMobile === "none") out.push("hideMobile");
  if (ask.hideEmail && privacy.hideEmail === "none") out.push("hideEmail");
  if (ask.seniorMode && !privacy.seniorMode) out.push("seniorMode");
  const omitsMobile = ask.hideMobile && privacy.hideMobile === "omit";
  const omitsEmail = ask.hideEmail && privacy.hideEmail === "omit";
  if (requiresContact === "mobile_or_email" && omitsMobile && omitsEmail) out.push("noContactLeft");
  return out;
}
