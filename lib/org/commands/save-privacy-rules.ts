import { imProviders, isImProvider } from "@/lib/connectors/registry";
import { recordAudit, type Actor } from "@/lib/core/audit/record-audit";
import { canEdit, type Role } from "@/lib/core/auth/permissions";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { forbiddenError, invalid } from "@/lib/core/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  privacyRulesSchema,
  type PrivacyRule,
  type PrivacyRulesInput,
} from "../directory-privacy-schema";
import { PRIVACY_RULES_KEY } from "../queries/load-privacy-rules";
import { unhonouredPrivacyOptions } from "../rules/unhonoured-privacy-options";

export type PrivacyActor = Actor & { roles: readonly Role[] };

const ASK_TEXT = {
  hideMobile: "hiding the mobile",
  hideEmail: "hiding the e-mail",
  seniorMode: "senior mode",
  noContactLeft: "hiding both mobile and e-mail (it needs one of them to create a user)",
} as const;

/**
 * Replaces the directory privacy rules, audited with before and after. A rule that any IM target
 * connection cannot honour is refused, naming the rule, the option and the platform, so a privacy
 * promise is never stored that one of the IMs would quietly break.
 */
export async function savePrivacyRules(
  raw: PrivacyRulesInput,
  ctx: CommandContext<PrivacyActor>,
): Promise<PrivacyRule[]> {
  if (!canEdit(ctx.actor.roles, "org"))
    throw forbiddenError("Only an HR admin may change directory privacy rules.");
  const { rules } = privacyRulesSchema.parse(raw);
  await inTransaction(ctx, async (tx) => {
    const targets = await tx.connection.findMany({
      where: { kind: "IM_TARGET" },
      select: { name: true, provider: true },
      orderBy: { name: "asc" },
    });
    rules.forEach((rule, i) => {
      for (const t of targets) {
        if (!isImProvider(t.provider)) continue;
        const def = imProviders[t.provider];
        const missing = unhonouredPrivacyOptions(
          rule,
          def.capabilities.privacy,
          def.capabilities.requiresContact,
        );
        if (missing.length > 0)
          throw invalid(
            `rules.${i}.${missing[0] === "noContactLeft" ? "hideEmail" : missing[0]}`,
            `Rule “${rule.label}”: ${def.label.en} (connection “${t.name}”) cannot honour ${missing.map((m) => ASK_TEXT[m]).join(", ")}.`,
          );
      }
    });
    const value = { rules } as unknown as Prisma.InputJsonObject;
    const before = await tx.setting.findUnique({ where: { key: PRIVACY_RULES_KEY } });
    await tx.setting.upsert({
      where: { key: PRIVACY_RULES_KEY },
      create: { key: PRIVACY_RULES_KEY, value, updatedBy: ctx.actor.id },
      update: { value, updatedBy: ctx.actor.id },
    });
    await recordAudit(tx, ctx.actor, {
      action: "org.privacy_rules_updated",
      targetType: "setting",
      targetId: PRIVACY_RULES_KEY,
      before: before?.value ?? null,
      after: value,
    });
  });
  return rules;
}
