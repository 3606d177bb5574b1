import type { FieldSpec } from "../rules/describe-provider-fields";
import type { ProviderForm } from "./list-provider-forms";
import type { SaveConnectionInput } from "../save-connection-schema";
import type { ConnectionFormValues } from "./to-form-values";

function fromFormValue(
  field: FieldSpec,
  raw: string | boolean | undefined,
): { value?: unknown; badJson?: true } {
  if (field.type === "boolean") return { value: raw === true };
  // An empty input means "not set": the schema's default (or its required-field issue) applies.
  if (typeof raw !== "string" || raw.trim() === "") return {};
  if (field.type === "number") return { value: Number.isFinite(Number(raw)) ? Number(raw) : raw };
  if (field.type !== "json") return { value: raw.trim() };
  try {
    return { value: JSON.parse(raw) };
  } catch {
    return { badJson: true };
  }
}

/** Turns the form's text back into typed input for the schema; JSON that does not parse is reported by field key. */
export function fromFormValues(
  values: ConnectionFormValues,
  form: ProviderForm,
  id?: string,
): {
  input: SaveConnectionInput & Required<Pick<SaveConnectionInput, "config" | "secrets">>;
  badJson: string[];
} {
  const badJson: string[] = [];
  const config: Record<string, unknown> = {};
  for (const field of form.configFields) {
    const { value, badJson: bad } = fromFormValue(field, values.config[field.key]);
    if (bad) badJson.push(field.key);
    else if (value !== undefined) config[field.key] = value;
  }
  const secrets = Object.fromEntries(
    form.secretFields.map((f) => [f.key, values.secrets[f.key] ?? ""]).filter(([, v]) => v !== ""),
  );
  return {
    input: {
      ...(id ? { id } : {}),
      kind: form.kind,
      provider: form.provider,
      name: values.name,
      enabled: values.enabled,
      config,
      secrets,
    },
    badJson,
  };
}
