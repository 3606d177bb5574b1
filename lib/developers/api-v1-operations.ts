import type { ApiOperation } from "@/lib/core/api/api-operation";
import { emitEventBatchOperation, emitEventOperation } from "@/lib/callbacks/events-api-operations";
import {
  createNotificationOperation,
  getNotificationOperation,
} from "@/lib/notifications/notifications-api-operations";
import {
  getEmployeeOperation,
  getOrgUnitOperation,
  listEmployeesOperation,
  listOrgUnitsOperation,
} from "@/lib/org/org-api-operations";

/** Every /api/v1 operation, in the order the developer page shows them. */
export const API_V1_OPERATIONS: readonly ApiOperation[] = [
  listEmployeesOperation,
  getEmployeeOperation,
  listOrgUnitsOperation,
  getOrgUnitOperation,
  createNotificationOperation,
  getNotificationOperation,
  emitEventOperation,
  emitEventBatchOperation,
];
