import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { z, ZodError } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/core/auth/current-user";
import { canEdit, type Area } from "@/lib/core/auth/permissions";
import type { CommandContext } from "@/lib/core/command-context";
import { clientIp } from "@/lib/core/api/client-ip";
import { AppError } from "@/lib/core/errors";
import { isSameOriginAction } from "./action-origin";
import { issueMessage } from "@/lib/core/i18n/issue-message";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; fieldErrors?: Record<string, string> } };

// A command context itself, so an action hands it straight to the command it calls.
type ActionCtx = CommandContext & { user: CurrentUser };

/**
 * Builds a server action that parses its input with the shared zod schema,
 * requires the signed-in user to be allowed to change `area`, and returns a
 * typed result the form can show (never a raw error message).
 */
export function areaAction<S extends z.ZodType, R>(
  area: Area | "self",
  schema: S,
  fn: (input: z.output<S>, ctx: ActionCtx) => Promise<R>,
) {
  return async (raw: z.input<S>): Promise<ActionResult<R>> => {
    try {
      const requestHeaders = await headers();
      if (!isSameOriginAction(requestHeaders)) {
        return {
          ok: false,
          error: {
            code: "bad_origin",
            message:
              "Refused: this change did not come from an OrgBridge page (Origin missing or foreign).",
          },
        };
      }
      const user = await getCurrentUser();
      if (!user) return { ok: false, error: { code: "unauthorized", message: "Sign in first." } };
      if (area !== "self" && !canEdit(user.roles, area)) {
        return {
          ok: false,
          error: { code: "forbidden", message: "Your role does not allow this change." },
        };
      }
      const input = schema.parse(raw);
      const ip = clientIp(requestHeaders);
      return {
        ok: true,
        data: await fn(input, { user, actor: { type: "user", id: user.id, name: user.name, ip } }),
      };
    } catch (err) {
      if (err instanceof ZodError) {
        // The form shows these under its fields: in the console's language, like its own checks.
        const locale = await getLocale();
        const t = await getTranslations("validation");
        const message = (issue: z.core.$ZodIssue) =>
          issueMessage(issue, locale, (key, values) => t(key, values));
        const fieldErrors = Object.fromEntries(
          err.issues.map((i) => [i.path.join(".") || "_", message(i)]),
        );
        const first = err.issues[0];
        return {
          ok: false,
          error: {
            code: "invalid",
            message: `${first.path.join(".") || "input"}: ${message(first)}`,
            fieldErrors,
          },
        };
      }
      if (err instanceof AppError)
        return {
          ok: false,
          error: {
            code: err.code,
            message: err.message,
            fieldErrors: err.field ? { [err.field]: err.message } : undefined,
          },
        };
      console.error("[action]", err);
      return {
        ok: false,
        error: { code: "internal", message: "Something went wrong on our side." },
      };
    }
  };
}
