import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { localizedSchema } from "@/lib/core/i18n/localized-schema";
import type { FieldError, FieldErrors, Resolver } from "react-hook-form";
import { connectionFormSchema } from "@/lib/connections/connection-form-schema";
import { formFieldFor } from "@/lib/connections/rules/form-field-for";
import { fromFormValues } from "@/lib/connections/queries/from-form-values";
import type { ProviderForm } from "@/lib/connections/queries/list-provider-forms";
import type { SaveConnectionInput } from "@/lib/connections/save-connection-schema";
import type { ConnectionFormValues } from "@/lib/connections/queries/to-form-values";

type Messages = { chooseProvider: string; invalidJson: string };
type IssueMessage = (issue: z.core.$ZodIssue) => string;

function flatten(errors: object, prefix = ""): [string, string][] {
  return Object.entries(errors).flatMap(([key, node]): [string, string][] => {
    if (!node || typeof node !== "object" || key === "ref") return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const leaf = node as Partial<FieldError>;
    if (typeof leaf.type === "string") return [[path, leaf.message ?? leaf.type]];
    return flatten(node, path);
  });
}

/**
 * zodResolver over the provider's schema, after turning the form's text back
 * into typed values; issues inside nested (JSON-edited) values land on their field.
 */
export function connectionFormResolver(
  forms: ProviderForm[],
  options: { id?: string; messages: Messages; issueMessage: IssueMessage },
): Resolver<ConnectionFormValues, unknown, SaveConnectionInput> {
  return async (values, context, resolverOptions) => {
    const form = forms.find((f) => f.provider === values.provider);
    if (!form)
      return {
        values: {},
        errors: { provider: { type: "required", message: options.messages.chooseProvider } },
      };
    const { input, badJson } = fromFormValues(values, form, options.id);
    const schema = connectionFormSchema(form, { editing: !!options.id });
    const result = await zodResolver(localizedSchema(schema, options.issueMessage))(
      input,
      context,
      resolverOptions as never,
    );
    const issues = [
      ...flatten(result.errors),
      ...badJson.map((key): [string, string] => [`config.${key}`, options.messages.invalidJson]),
    ];
    if (issues.length === 0) return { values: result.values as SaveConnectionInput, errors: {} };
    const errors: Record<string, Record<string, FieldError> | FieldError> = {};
    for (const [path, message] of issues) {
      const { field, rest } = formFieldFor(path);
      const [root, key] = field.split(".");
      const error: FieldError = {
        type: "validate",
        message: rest ? `${rest}: ${message}` : message,
      };
      if (key)
        errors[root] = {
          ...(errors[root] as Record<string, FieldError>),
          [key]: (errors[root] as Record<string, FieldError> | undefined)?.[key] ?? error,
        };
      else errors[root] ??= error;
    }
    return { values: {}, errors: errors as FieldErrors<ConnectionFormValues> };
  };
}
