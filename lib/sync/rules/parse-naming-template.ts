export const PLACEHOLDERS = ["name", "nameEn", "code", "path"] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

export type TemplateToken = { text: string } | { placeholder: Placeholder };

export type ParseNamingTemplateResult =
  | { ok: true; tokens: TemplateToken[] }
  | {
      ok: false;
      error: "unknown_placeholder" | "unbalanced_braces" | "empty";
      message: string;
      /** The unknown placeholder as written, e.g. "{nmae}". */
      placeholder?: string;
    };

const cache = new Map<string, ParseNamingTemplateResult>();

/**
 * Splits a naming template ("{code}-{name}") into literal text and placeholders.
 * Rejects unknown placeholders and stray braces, so a typo never reaches IM.
 */
export function parseNamingTemplate(template: string): ParseNamingTemplateResult {
  const cached = cache.get(template);
  if (cached) return cached;
  const result = parse(template);
  cache.set(template, result);
  return result;
}

function parse(template: string): ParseNamingTemplateResult {
  if (template.trim() === "") return { ok: false, error: "empty", message: "Template is empty." };
  const tokens: TemplateToken[] = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf("{");
    const close = rest.indexOf("}");
    if (open === -1) {
      if (close !== -1) return unbalanced(template);
      tokens.push({ text: rest });
      break;
    }
    if (close !== -1 && close < open) return unbalanced(template);
    const end = rest.indexOf("}", open);
    if (end === -1) return unbalanced(template);
    if (open > 0) tokens.push({ text: rest.slice(0, open) });
    const key = rest.slice(open + 1, end);
    if (key.includes("{")) return unbalanced(template);
    if (!(PLACEHOLDERS as readonly string[]).includes(key)) {
      return {
        ok: false,
        error: "unknown_placeholder",
        placeholder: `{${key}}`,
        message: `Unknown placeholder {${key}}; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}.`,
      };
    }
    tokens.push({ placeholder: key as Placeholder });
    rest = rest.slice(end + 1);
  }
  return { ok: true, tokens };
}

function unbalanced(template: string): ParseNamingTemplateResult {
  return { ok: false, error: "unbalanced_braces", message: `Unbalanced braces in "${template}".` };
}
