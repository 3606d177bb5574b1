"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { showActionError } from "@/components/credentials/show-action-error";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";
import type { ActionResult } from "@/lib/core/action";
import type { CreateTokenInput } from "@/lib/tokens/create-token-schema";
import {
  credentialFormSchema,
  toCredentialInput,
  type CredentialFormValues,
} from "./credential-form-schema";

/**
 * The form of a new API token or OAuth client: validated in the console's language, sent to `create`,
 * the server's field errors shown under the fields; on success `onCreated` gets the answer (the secret
 * to show once) and the form empties.
 */
export function useCredentialForm<R>(
  defaults: Pick<CredentialFormValues, "scopes" | "expiresInDays">,
  create: (input: CreateTokenInput) => Promise<ActionResult<R>>,
  onCreated: (data: R, values: CredentialFormValues) => void,
) {
  const form = useForm<CredentialFormValues>({
    resolver: zodResolver(useLocalizedSchema(credentialFormSchema)),
    defaultValues: { name: "", ipAllowList: "", rateLimitPerMinute: "", ...defaults },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await create(toCredentialInput(values));
    if (!result.ok) return showActionError(form, result.error);
    onCreated(result.data, values);
    form.reset();
  });
  return { form, onSubmit };
}
