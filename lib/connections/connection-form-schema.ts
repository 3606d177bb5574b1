import { z } from "zod";
import type { ProviderForm } from "./queries/list-provider-forms";
import { saveConnectionSchema } from "./save-connection-schema";

type JsonSchema = Parameters<typeof z.fromJSONSchema>[0];

/**
 * The browser-side schema for one provider: the shared input schema with
 * config and secrets rebuilt from the registry's own schemas (via JSON Schema,
 * since the registry cannot be bundled for the browser). On edit no secret is
 * required: empty keeps the stored one.
 */
export function connectionFormSchema(form: ProviderForm, options: { editing: boolean }) {
  const secrets = options.editing ? { ...form.secretsSchema, required: [] } : form.secretsSchema;
  return saveConnectionSchema.extend({
    config: z.fromJSONSchema(form.configSchema as JsonSchema),
    secrets: z.fromJSONSchema(secrets as JsonSchema),
  });
}
