type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  description?: string;
  default?: unknown;
};

/** A JSON Schema type in a few words: `string (date-time)`, `array of object`, `"A" | "B"`. */
export function typeLabel(schema: JsonSchema | undefined): string {
  if (!schema) return "any";
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(typeLabel).join(" | ");
  if (schema.type === "array") return `array of ${typeLabel(schema.items)}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}

/**
 * An object schema as a table of its fields (nested objects and arrays of objects indented
 * below their field), the whole schema as JSON beside it for copying.
 */
export function SchemaView({
  schema,
  labels,
}: {
  schema: JsonSchema;
  labels: { field: string; type: string; required: string; yes: string; json: string };
}) {
  const rows: { path: string; depth: number; schema: JsonSchema; required: boolean }[] = [];
  const walk = (s: JsonSchema, prefix: string, depth: number) => {
    const object = s.type === "array" ? s.items : s;
    for (const [name, child] of Object.entries(object?.properties ?? {})) {
      rows.push({
        path: `${prefix}${name}`,
        depth,
        schema: child,
        required: (object?.required ?? []).includes(name),
      });
      const inner = child.type === "array" ? child.items : child;
      if (inner?.properties && depth < 4)
        walk(child, `${prefix}${name}${child.type === "array" ? "[]" : ""}.`, depth + 1);
    }
  };
  walk(schema, "", 0);
  return (
    <div className="flex flex-col gap-2">
      {rows.length ? (
        <table className="w-full text-left text-xs">
          <thead>
            <tr className="border-b text-muted-foreground">
              <th scope="col" className="py-1 pr-2 font-medium">
                {labels.field}
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                {labels.type}
              </th>
              <th scope="col" className="py-1 font-medium">
                {labels.required}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.path} className="border-b last:border-0 align-top">
                <td className="py-1 pr-2">
                  <code>{r.path}</code>
                  {r.schema.description ? (
                    <p className="text-muted-foreground">{r.schema.description}</p>
                  ) : null}
                </td>
                <td className="py-1 pr-2">
                  <code>{typeLabel(r.schema)}</code>
                </td>
                <td className="py-1">{r.required ? labels.yes : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <code className="text-xs">{typeLabel(schema)}</code>
      )}
      <details>
        <summary className="cursor-pointer text-xs text-muted-foreground">{labels.json}</summary>
        <pre tabIndex={0} className="mt-1 max-h-80 overflow-auto rounded bg-muted p-2 text-xs">
          {JSON.stringify(schema, null, 2)}
        </pre>
      </details>
    </div>
  );
}
