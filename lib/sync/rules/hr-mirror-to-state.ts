import type { HrMirror } from "./merge-hr-event";
import type { HrEmployee, HrState, HrUnit } from "../types";

/** The planner's HR input from a mirror: live records only, tombstones dropped. */
export function hrMirrorToState(mirror: HrMirror): HrState {
  const units: HrUnit[] = [];
  const employees: HrEmployee[] = [];
  for (const { value } of mirror.units.values()) if (value) units.push(value);
  for (const { value } of mirror.employees.values()) if (value) employees.push(value);
  return { units, employees };
}
