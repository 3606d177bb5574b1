import type { FieldSpec } from "../rules/describe-provider-fields";
import type { ProviderForm } from "./list-provider-forms";

/** What the generated form edits: text for most inputs, JSON text for nested values, booleans for checkboxes. */
export type ConnectionFormValues = {
  provider: string;
  name: string;
  enabled: boolean;
  config: Record<string, string | boolean>;
  secrets: Record<string, string>;
};

function toFormValue(field: FieldSpec, value: unknown): string | boolean {
  if (field.type === "boolean") return value === true;
  if (value === undefined || value === null) return "";
  if (field.type === "json") return JSON.stringify(value, null, 2);
  return String(value);
}

/** Initial form values: the saved config (or the schema defaults) and always-empty secrets. */
export function toFormValues(
  form: ProviderForm | undefined,
  saved?: { name: string; enabled: boolean; config: Record<string, unknown> },
): ConnectionFormValues {
  return {
    provider: form?.provider ?? "",
    name: saved?.name ?? "",
    enabled: saved?.enabled ?? true,
    config: Object.fromEntries(
      (form?.configFields ?? []).map((f) => [
        f.key,
        toFormValue(f, saved?.config[f.key] ?? f.default),
      ]),
    ),
    secrets: Object.fromEntries((form?.secretFields ?? []).map((f) => [f.key, ""])),
  };
}
