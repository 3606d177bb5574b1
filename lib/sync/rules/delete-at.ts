import { addDaysInZone } from "@/lib/core/time/add-days-in-zone";

/**
 * When a disabled account is deleted (epoch ms): `days` calendar days after it was disabled, on the
 * wall clock of the employee's zone, so "30 days" does not shift by an hour across a DST change.
 */
export function deleteAt(disabledAt: string, days: number, timeZone: string): number {
  return addDaysInZone(new Date(disabledAt), days, timeZone).getTime();
}
