// Sandbox HR: server, simulator and seed. Plain functions, usable from the console and e2e.
export {
  startSandboxHr,
  type StartSandboxHrOptions,
  type SandboxHrServer,
} from "./start-sandbox-hr";
export { seedSandboxHr, DEMO_DEPARTMENTS, type SeedSandboxHrOptions } from "./seed-sandbox-hr";
export {
  emitHrWebhook,
  type HrWebhookPayload,
  type HrWebhookTarget,
  type DeliveryResult,
} from "./emit-hr-webhook";
export { hireEmployee, type HireEmployeeInput } from "./simulator/hire-employee";
export { transferEmployee, type TransferEmployeeInput } from "./simulator/transfer-employee";
export { terminateEmployee, type TerminateEmployeeInput } from "./simulator/terminate-employee";
export { createDepartment, type CreateDepartmentInput } from "./simulator/create-department";
export { renameDepartment } from "./simulator/rename-department";
export { moveDepartment } from "./simulator/move-department";
export {
  bulkHire,
  bulkTransfer,
  bulkTerminate,
  type BulkHireInput,
} from "./simulator/bulk-simulations";
export {
  SimulationError,
  type SimulatorContext,
  type SimulationResult,
} from "./simulator/simulator-context";
export type { SandboxHrEmployeeJson, SandboxHrUnitJson } from "./serialize-hr-records";
