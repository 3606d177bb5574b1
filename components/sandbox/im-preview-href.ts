import type { ImPreviewParams } from "@/lib/sandbox/console/im-preview-schema";

type Patch = { [K in keyof ImPreviewParams]?: ImPreviewParams[K] | null };

/** The IM preview URL with some of its state changed (null drops a key; page 1 is the default). */
export function imPreviewHref(current: Partial<ImPreviewParams>, patch: Patch): string {
  const merged: Record<string, unknown> = { ...current, ...patch };
  const q = new URLSearchParams();
  for (const key of ["dept", "page", "q", "user", "before"] as const) {
    const v = merged[key];
    if (v === null || v === undefined || v === "" || (key === "page" && v === 1)) continue;
    q.set(key, String(v));
  }
  const s = q.toString();
  return s ? `/im-preview?${s}` : "/im-preview";
}
