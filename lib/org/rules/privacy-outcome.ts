import type { ContactProtection, PrivacyCapability } from "@/lib/connectors/types";
import type { PrivacyAsk } from "./unhonoured-privacy-options";

/** What colleagues see of one contact: shown, not sent at all, sent with the platform's protection on, or a rule the platform cannot honour. */
export type ContactOutcome = "shown" | "withheld" | "protected" | "not_honoured";

export type PrivacyOutcome = {
  mobile: ContactOutcome;
  email: ContactOutcome;
  seniorMode: "off" | "on" | "not_honoured";
};

const contact = (hide: boolean, how: ContactProtection): ContactOutcome =>
  !hide ? "shown" : how === "omit" ? "withheld" : how === "flag" ? "protected" : "not_honoured";

/** What the IM gets for an employee a privacy rule hits, on one platform (the preview's words). */
export function privacyOutcome(ask: PrivacyAsk, capability: PrivacyCapability): PrivacyOutcome {
  return {
    mobile: contact(ask.hideMobile, capability.hideMobile),
    email: contact(ask.hideEmail, capability.hideEmail),
    seniorMode: !ask.seniorMode ? "off" : capability.seniorMode ? "on" : "not_honoured",
  };
}
