import type { LocalDateTime } from "@/lib/core/time/local-date-time";
import { resolveLocalDateTime } from "@/lib/core/time/resolve-local-date-time";

export type WallTarget = LocalDateTime;

/**
 * The earliest instant at or after `notBefore` at which the wall clock in `timeZone` reaches
 * `target`: the target itself when it exists, its second occurrence when `notBefore` already
 * lies past the first (DST overlap), or the moment the clock jumps over it (DST gap). Falls
 * back to `notBefore` when the clock has already passed the target.
 */
export function nextInstantAtWallTime(
  target: WallTarget,
  timeZone: string,
  notBefore: Date | number,
): Date {
  const floor = typeof notBefore === "number" ? notBefore : notBefore.getTime();
  const { earliest, latest } = resolveLocalDateTime(target, timeZone);
  if (earliest >= floor) return new Date(earliest);
  if (latest >= floor) return new Date(latest);
  return new Date(floor);
}
