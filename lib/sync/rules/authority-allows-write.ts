import type { AuthorityMode } from "../attribute-authority-schema";

export type AuthorityWriteInput = {
  /** Who owns the field on this connection. */
  mode: AuthorityMode;
  /** The account does not exist yet (account.create). */
  creating: boolean;
  /** The IM's current value is known to be blank (false when the IM does not report the field). */
  imBlank: boolean;
};

/**
 * Whether the planner may write HR's value of one field. Every mode writes at creation, since
 * the IM has no value of its own then. "IM wins" still fills a blank, because an empty IM value
 * has nothing to win with; "set once" never writes again.
 */
export function authorityAllowsWrite({ mode, creating, imBlank }: AuthorityWriteInput): boolean {
  if (creating || mode === "hr_wins") return true;
  if (mode === "im_wins") return imBlank;
  return false;
}
