type Text = { zh: string; en: string };

/** One input of a generated connection form, described so it can cross to the browser as props. */
export type FieldSpec = {
  key: string;
  /** `json` covers nested objects, unions and records: edited as JSON, validated by the same schema. */
  type: "string" | "url" | "number" | "boolean" | "enum" | "json";
  label: Text;
  help?: Text;
  secret: boolean;
  required: boolean;
  options?: string[];
  default?: unknown;
};

type JsonSchemaNode = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  default?: unknown;
  label?: Text;
  help?: Text;
  secret?: boolean;
};

function fieldType(node: JsonSchemaNode): FieldSpec["type"] {
  const types = Array.isArray(node.type)
    ? node.type.filter((t) => t !== "null")
    : node.type
      ? [node.type]
      : [];
  if (types.length !== 1) return "json";
  const [type] = types;
  if (type === "string") return node.enum ? "enum" : node.format === "uri" ? "url" : "string";
  if (type === "integer" || type === "number") return "number";
  if (type === "boolean") return "boolean";
  return "json";
}

/** Reads the top-level fields of a provider's JSON Schema (zod `toJSONSchema`, `.meta()` labels kept). */
export function describeProviderFields(schema: object): FieldSpec[] {
  const { properties = {}, required = [] } = schema as {
    properties?: Record<string, JsonSchemaNode>;
    required?: string[];
  };
  return Object.entries(properties).map(([key, node]) => {
    const type = fieldType(node);
    return {
      key,
      type,
      label: node.label ?? { zh: key, en: key },
      ...(node.help ? { help: node.help } : {}),
      secret: node.secret === true,
      required: required.includes(key),
      ...(type === "enum" ? { options: (node.enum ?? []).map(String) } : {}),
      ...(node.default !== undefined ? { default: node.default } : {}),
    };
  });
}
