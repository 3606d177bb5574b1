import ipaddr from "ipaddr.js";
import { z } from "zod";
import type { ValidationProblem } from "@/lib/core/i18n/validation-problem";

// DB-free: shared by the console form and the server action.

const HOST =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Why an allow-list entry is unusable, or null: an exact host name, an IP, or a CIDR. */
export function allowListEntryProblem(entry: string): string | null {
  return allowListEntryIssue(entry)?.message ?? null;
}

/** The same reason with its message key (validation.custom.*), for the console's language. */
export function allowListEntryIssue(entry: string): ValidationProblem | null {
  const problem = (message: string, i18n: string): ValidationProblem => ({
    message,
    params: { i18n, entry },
  });
  const bare = entry.replace(/^\[|\]$/g, "");
  if (entry.includes("/")) {
    try {
      ipaddr.parseCIDR(entry);
      return null;
    } catch {
      return problem(`"${entry}" is not a valid CIDR (e.g. 10.20.0.0/16 or fd00::/8)`, "cidr");
    }
  }
  if (ipaddr.isValid(bare)) {
    return bare.includes(":") || ipaddr.IPv4.isValidFourPartDecimal(bare)
      ? null
      : problem(`"${entry}" is not a dotted IPv4 address`, "dottedIpv4");
  }
  if (entry.endsWith(".")) return problem(`"${entry}" ends with a dot; remove it`, "trailingDot");
  return HOST.test(entry)
    ? null
    : problem(`"${entry}" is neither a host name, an IP address nor a CIDR`, "hostIpOrCidr");
}

/**
 * The admin's SSRF exceptions for callback URLs: hosts (exact), IPs or CIDRs that may be called
 * although they are loopback/private, and whether plain http:// is accepted at all.
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
