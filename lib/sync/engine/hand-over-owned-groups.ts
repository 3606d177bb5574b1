import type { ImTarget } from "@/lib/connectors";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";

const ACTOR = { type: "system" as const, id: "lifecycle", name: "Leaver policy" };

export type HandOverOwnedGroupsInput = {
  connectionId: string;
  target: ImTarget;
  /** The leaver. */
  employeeNo: string;
  imUserId: string;
};

export type HandOverOutcome =
  | {
      outcome: "handed_over";
      to: string;
      transferred: string[];
      failed: { id: string; error: string }[];
    }
  | { outcome: "unsupported" | "no_manager" }
  | { outcome: "handover_failed"; error: string };

/**
 * Leaver policy, when a leaver's account is disabled: the IM group chats they own go to their manager's
 * account on the same IM target, where the platform can transfer ownership. Every outcome is audited —
 * including "the platform cannot", "no manager with a live account" and a platform error — so an admin
 * can follow up by hand. It never fails the disable it follows.
 */
export async function handOverOwnedGroups(
  input: HandOverOwnedGroupsInput,
): Promise<HandOverOutcome> {
  const { target, connectionId, employeeNo, imUserId } = input;
  let result: HandOverOutcome;
  if (!target.capabilities.canTransferGroupOwnership || !target.transferOwnedGroups) {
    result = { outcome: "unsupported" };
  } else {
    const leaver = await db.employee.findUnique({
      where: { employeeNo },
      select: {
        manager: {
          select: {
            imAccounts: {
              where: { connectionId, state: "ACTIVE" },
              select: { imUserId: true },
            },
          },
        },
      },
    });
    const to = leaver?.manager?.imAccounts[0]?.imUserId;
    try {
      result = to
        ? { outcome: "handed_over", to, ...(await target.transferOwnedGroups(imUserId, to)) }
        : { outcome: "no_manager" };
    } catch (err) {
      // The disable itself succeeded; a failed handover is left to an admin, not retried with it.
      result = {
        outcome: "handover_failed",
        error: err instanceof Error ? err.message : String(err),
      };
    }
  }
  // Nothing to hand over is not worth an audit row; refusals and transfers are.
  if (result.outcome !== "handed_over" || result.transferred.length + result.failed.length > 0) {
    await db.$transaction((tx) =>
      recordAudit(tx, ACTOR, {
        action: `account.groups_${result.outcome}`,
        targetType: "im_account",
        targetId: `${connectionId}:${imUserId}`,
        after: { employeeNo, ...result },
      }),
    );
  }
  return result;
}
