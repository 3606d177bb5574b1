// Sandbox IM (WeCom API look-alike): server, console read helpers, out-of-band admin edits.
export {
  startSandboxIm,
  type StartSandboxImOptions,
  type SandboxImServer,
  type SandboxImRequest,
} from "./start-sandbox-im";
export {
  listSandboxDirectory,
  type SandboxDirectoryNode,
  type SandboxMember,
} from "./list-sandbox-directory";
export { listInbox, type SandboxInboxMessage, type ListInboxOptions } from "./list-inbox";
export { renameDepartmentManually } from "./rename-department-manually";
export { resetSandboxIm, ensureRootDepartment } from "./reset-sandbox-im";
export { createSandboxDb, type SandboxDb } from "../shared/create-sandbox-db";
