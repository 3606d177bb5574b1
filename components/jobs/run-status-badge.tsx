import { Badge } from "@/components/ui/badge";

const VARIANT = {
  COMPLETED: "success",
  FAILED: "destructive",
  CANCELLED: "outline",
  RUNNING: "default",
  QUEUED: "outline",
  SLEEPING: "warning",
  WAITING: "warning",
} as const;

export function RunStatusBadge({ status, label }: { status: keyof typeof VARIANT; label: string }) {
  return <Badge variant={VARIANT[status]}>{label}</Badge>;
}
