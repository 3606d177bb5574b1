import { parseNamingTemplate } from "./parse-naming-template";

/** For the mapping form: null when the template is valid, else the reason. */
export function validateNamingTemplate(template: string): string | null {
  const parsed = parseNamingTemplate(template);
  return parsed.ok ? null : parsed.message;
}
