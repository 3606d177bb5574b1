import { Badge } from "@/components/ui/badge";
import type { DisabledKind } from "@/lib/callbacks/callback-console-schemas";

const VARIANT = {
  enabled: "success",
  manual: "outline",
  auto: "destructive",
  gone: "warning",
} as const;

/** Enabled, or why not: auto-disabled ones stand out. */
export function EndpointStateBadge({ kind, label }: { kind: DisabledKind | null; label: string }) {
  return <Badge variant={VARIANT[kind ?? "enabled"]}>{label}</Badge>;
}
