const MAX = 120;

function text(value: unknown): string {
  if (value === null || value === undefined) return "∅";
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null))
    return value.join(", ");
  const json = JSON.stringify(value);
  return json.length > MAX ? `${json.slice(0, MAX - 1)}…` : json;
}

/** One side of a conflict (hrValue / imValue) as "key: value" lines instead of raw JSON. */
export function ConflictValue({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <span className="text-muted-foreground">—</span>;
  if (typeof value !== "object" || Array.isArray(value))
    return <span className="break-all">{text(value)}</span>;
  return (
    <dl
      className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5"
      title={JSON.stringify(value, null, 2)}
    >
      {Object.entries(value).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted-foreground">{k}</dt>
          <dd className="break-all">{text(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
