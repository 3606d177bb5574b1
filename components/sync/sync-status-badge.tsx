import { Badge } from "@/components/ui/badge";
import type { SyncStatus } from "@/lib/sync/sync-run-schemas";

const VARIANT = {
  QUEUED: "outline",
  PLANNING: "default",
  AWAITING_APPROVAL: "warning",
  RUNNING: "default",
  SUCCEEDED: "success",
  PARTIAL: "warning",
  FAILED: "destructive",
  REJECTED: "outline",
  CANCELLED: "outline",
} as const satisfies Record<SyncStatus, string>;

export function SyncStatusBadge({ status, label }: { status: SyncStatus; label: string }) {
  return <Badge variant={VARIANT[status]}>{label}</Badge>;
}
