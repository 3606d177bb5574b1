import type { ApiOperation } from "@/lib/core/api/api-operation";
import {
  createEndpointOperation,
  deleteEndpointOperation,
  getDeliveryOperation,
  getEndpointOperation,
  listDeliveriesOperation,
  listEndpointsOperation,
  replayEndpointOperation,
  resendDeliveryOperation,
  testEndpointOperation,
  updateEndpointOperation,
} from "@/lib/callbacks/callbacks-api-operations";
import {
  getConflictOperation,
  listConflictsOperation,
  resolveConflictOperation,
} from "@/lib/conflicts/conflicts-api-operations";
import {
  getSyncRunOperation,
  listSyncRunsOperation,
  provisionEmployeeOperation,
  requestSyncOperation,
} from "@/lib/sync/sync-api-operations";
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
  provisionEmployeeOperation,
  listOrgUnitsOperation,
  getOrgUnitOperation,
  listSyncRunsOperation,
  getSyncRunOperation,
  requestSyncOperation,
  listConflictsOperation,
  getConflictOperation,
  resolveConflictOperation,
  listEndpointsOperation,
  createEndpointOperation,
  getEndpointOperation,
  updateEndpointOperation,
  deleteEndpointOperation,
  testEndpointOperation,
  replayEndpointOperation,
  listDeliveriesOperation,
  getDeliveryOperation,
  resendDeliveryOperation,
  createNotificationOperation,
  getNotificationOperation,
  emitEventOperation,
  emitEventBatchOperation,
];
