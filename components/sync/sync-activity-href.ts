import type { SyncRunListInput } from "@/lib/sync/sync-run-schemas";

/** The address of the sync runs page for a filter (defaults left out, so "All" is plain /sync). */
export function syncActivityHref(
  f: Partial<Pick<SyncRunListInput, "kind" | "range" | "hour" | "connection">>,
) {
  const q = new URLSearchParams();
  if (f.kind && f.kind !== "all") q.set("kind", f.kind);
  if (f.range && f.range !== "24h") q.set("range", f.range);
  if (f.hour) q.set("hour", f.hour);
  if (f.connection) q.set("connection", f.connection);
  const s = q.toString();
  return s ? `/sync?${s}` : "/sync";
}
