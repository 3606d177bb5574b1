import { z } from "zod";
import type { ValidationProblem } from "@/lib/core/i18n/validation-problem";
import { classifyAddress } from "./rules/classify-address";
import { METADATA_HOSTS, parseAllowListEntry } from "./rules/parse-allow-list-entry";

// DB-free: shared by the console form and the server action.

/**
 * Why an allow-list entry is unusable, or null: an exact host name, an IP or a CIDR, optionally
 * with a port (see parseAllowListEntry). Cloud metadata services cannot be allowed at all.
 */
export function allowListEntryProblem(entry: string): string | null {
  return allowListEntryIssue(entry)?.message ?? null;
}

/** The same reason with its message key (validation.custom.allowList.*), for the console's language. */
export function allowListEntryIssue(entry: string): ValidationProblem | null {
  const parsed = parseAllowListEntry(entry);
  if ("problem" in parsed) return { message: parsed.problem, params: { i18n: parsed.key, entry } };
  const metadata =
    parsed.kind === "host"
      ? METADATA_HOSTS.has(parsed.host)
      : parsed.prefix === (parsed.net.kind() === "ipv4" ? 32 : 128) &&
        classifyAddress(parsed.net.toString())?.range === "metadata";
  return metadata
    ? {
        message: `"${entry}" is a cloud metadata service, which can never be allowed`,
        params: { i18n: "metadata", entry },
      }
    : null;
}

/**
 * The admin's SSRF exceptions for callback URLs: hosts (exact), IPs or CIDRs, each optionally
 * limited to one port (`127.0.0.1:4010`), that may be called although they are loopback/private,
 * and whether plain http:// is accepted at all.
 */
export const callbackNetworkPolicySchema = z.object({
  allowList: z
    .array(z.string().trim().min(1, "entry is empty").max(255).toLowerCase())
    .max(100, "at most 100 entries")
    .superRefine((entries, ctx) => {
      entries.forEach((entry, i) => {
        const problem = allowListEntryIssue(entry);
        if (problem) ctx.addIssue({ code: "custom", path: [i], ...problem });
      });
    })
    .transform((entries) => [...new Set(entries)]),
  allowHttp: z.boolean().default(false),
});

export type CallbackNetworkPolicyInput = z.input<typeof callbackNetworkPolicySchema>;
export type CallbackNetworkPolicy = z.output<typeof callbackNetworkPolicySchema>;

/** How long an endpoint may fail without a single success before it is disabled automatically. */
export const callbackAutoDisableSchema = z.object({
  hours: z
    .number("Hours must be a number")
    .min(1, "at least 1 hour")
    .max(24 * 30, "at most 30 days")
    .default(24),
});
export type CallbackAutoDisableInput = z.input<typeof callbackAutoDisableSchema>;
