import { z } from "zod";

// Which system owns each person field on one IM target connection. Shared by the sync settings
// form and the server action (no database imports: the client uses it).

export const AUTHORITY_FIELDS = [
  "name",
  "email",
  "mobile",
  "title",
  "department",
  "manager",
] as const;
export type AuthorityField = (typeof AUTHORITY_FIELDS)[number];

/**
 * hr_wins: HR's value is written on every sync (an IM-side edit is restored).
 * im_wins: written at creation; afterwards only a blank IM value is filled, IM edits are kept.
 * set_once: written at creation, never again.
 */
export const AUTHORITY_MODES = ["hr_wins", "im_wins", "set_once"] as const;
export type AuthorityMode = (typeof AUTHORITY_MODES)[number];

export type AttributeAuthority = Record<AuthorityField, AuthorityMode>;

export const DEFAULT_AUTHORITY = {
  name: "hr_wins",
  email: "hr_wins",
  mobile: "hr_wins",
  title: "hr_wins",
  department: "hr_wins",
  manager: "hr_wins",
} as const satisfies AttributeAuthority;

const mode = z.enum(AUTHORITY_MODES, { error: "Authority must be hr_wins, im_wins or set_once" });

export const attributeAuthoritySchema = z
  .object({
    connectionId: z.string().trim().min(1, "Connection is required").max(100),
    name: mode,
    email: mode,
    mobile: mode,
    title: mode,
    department: mode,
    manager: mode,
  })
  .strict();

export type AttributeAuthorityInput = z.input<typeof attributeAuthoritySchema>;
