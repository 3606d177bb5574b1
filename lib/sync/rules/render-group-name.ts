import { parseNamingTemplate } from "./parse-naming-template";
import type { GroupNameRules } from "../types";

/**
 * WeCom department names: 1–64 UTF-8 characters, none of \ : * ? " < > | (the
 * docs show a full-width ｜; both are rejected). Unverified against the live
 * API — override per connection through PlanOptions.nameRules.
 */
export const WECOM_NAME_RULES: GroupNameRules = {
  maxLength: 64,
  forbiddenChars: '\\:*?"<>|｜',
};

export type RenderGroupNameInput = {
  /** Template such as "{name}", "{code}-{name}", "{path}". */
  template: string;
  /** The unit being named. */
  unit: { code: string; name: string; nameEn?: string };
  /** Unit names from the top-level unit down to this one, for {path}. */
  path: string[];
  /** Platform limits; WeCom's when omitted. */
  rules?: GroupNameRules;
};

export type RenderGroupNameError =
  "unknown_placeholder" | "unbalanced_braces" | "empty" | "too_long" | "forbidden_char";

export type RenderGroupNameResult =
  { ok: true; name: string } | { ok: false; error: RenderGroupNameError; message: string };

/** Renders a group name from a mapping's template and checks it against the platform's limits. */
export function renderGroupName(input: RenderGroupNameInput): RenderGroupNameResult {
  const parsed = parseNamingTemplate(input.template);
  if (!parsed.ok) return parsed;
  const rules = input.rules ?? WECOM_NAME_RULES;
  let name = "";
  for (const token of parsed.tokens) {
    if ("text" in token) name += token.text;
    else if (token.placeholder === "name") name += input.unit.name;
    // A unit without an English name falls back to its main name rather than rendering blank.
    else if (token.placeholder === "nameEn") name += input.unit.nameEn || input.unit.name;
    else if (token.placeholder === "code") name += input.unit.code;
    else name += input.path.join(" / ");
  }
  name = name.trim();
  if (name === "") return { ok: false, error: "empty", message: "Rendered name is empty." };
  const length = [...name].length;
  if (length > rules.maxLength) {
    return {
      ok: false,
      error: "too_long",
      message: `Name has ${length} characters; the limit is ${rules.maxLength}.`,
    };
  }
  const bad = [...name].find((ch) => rules.forbiddenChars.includes(ch));
  if (bad !== undefined) {
    return {
      ok: false,
      error: "forbidden_char",
      message: `Name contains the forbidden character "${bad}".`,
    };
  }
  return { ok: true, name };
}
