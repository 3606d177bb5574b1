import { Badge } from "@/components/ui/badge";
import type { DeliveryStatusName } from "@/lib/callbacks/callback-console-schemas";

const VARIANT = {
  PENDING: "outline",
  RETRYING: "warning",
  SUCCEEDED: "success",
  DEAD: "destructive",
} as const satisfies Record<DeliveryStatusName, string>;

export function DeliveryStatusBadge({
  status,
  label,
}: {
  status: DeliveryStatusName;
  label: string;
}) {
  return <Badge variant={VARIANT[status]}>{label}</Badge>;
}
