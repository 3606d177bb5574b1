import { hrProviders, imProviders, providerFormSchemas } from "@/lib/connectors";
import { describeProviderFields, type FieldSpec } from "../rules/describe-provider-fields";
import type { ConnectionKind } from "../save-connection-schema";

/** Everything the browser needs to render and pre-validate one provider's form; serialisable, secret-free. */
export type ProviderForm = {
  kind: ConnectionKind;
  provider: string;
  label: { zh: string; en: string };
  /** JSON Schemas of the registry's zod schemas; the form rebuilds zod from them (z.fromJSONSchema). */
  configSchema: object;
  secretsSchema: object;
  configFields: FieldSpec[];
  secretFields: FieldSpec[];
};

// Sandbox providers default their secrets to the sandbox's credentials: those must not reach the browser.
const withoutDefaults = (schema: object): object =>
  JSON.parse(JSON.stringify(schema, (k, v) => (k === "default" ? undefined : v)));

/** The connection form for every registered provider, HR sources first. */
export function listProviderForms(): ProviderForm[] {
  const entries = [
    ...Object.entries(hrProviders).map(([provider, def]) => ({
      kind: "HR_SOURCE" as const,
      provider,
      label: def.label,
    })),
    ...Object.entries(imProviders).map(([provider, def]) => ({
      kind: "IM_TARGET" as const,
      provider,
      label: def.label,
    })),
  ];
  return entries.map(({ kind, provider, label }) => {
    const schemas = providerFormSchemas(kind === "HR_SOURCE" ? "hr" : "im", provider);
    const secretsSchema = withoutDefaults(schemas.secrets);
    return {
      kind,
      provider,
      label,
      configSchema: schemas.config,
      secretsSchema,
      configFields: describeProviderFields(schemas.config),
      secretFields: describeProviderFields(secretsSchema),
    };
  });
}
