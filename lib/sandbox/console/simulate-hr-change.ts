import { recordAudit, type AuditEntry } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { AppError, invalid } from "@/lib/core/errors";
import type {
  SandboxHrEmployeeJson,
  SandboxHrUnitJson,
} from "@/lib/sandbox/hr/serialize-hr-records";
import { bulkHire, bulkTerminate } from "@/lib/sandbox/hr/simulator/bulk-simulations";
import { hireEmployee } from "@/lib/sandbox/hr/simulator/hire-employee";
import { moveDepartment } from "@/lib/sandbox/hr/simulator/move-department";
import { renameDepartment } from "@/lib/sandbox/hr/simulator/rename-department";
import {
  SimulationError,
  type SimulationResult,
  type SimulatorContext,
} from "@/lib/sandbox/hr/simulator/simulator-context";
import { terminateEmployee } from "@/lib/sandbox/hr/simulator/terminate-employee";
import { transferEmployee, withdrawTransfer } from "@/lib/sandbox/hr/simulator/transfer-employee";
import type { SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";
import type { HrWebhookTarget } from "@/lib/sandbox/hr/emit-hr-webhook";
import {
  hrSimulationSchema,
  type HrSimulation,
  type HrSimulationInput,
  type HrSimulationKind,
  type HrSimulationSummary,
} from "./hr-simulation-schema";

export type SimulateHrChangeOptions = {
  /** The sandbox HR tables (the console's own client in the app, the test database in tests). */
  sandboxDb: SandboxDb;
  /** Push each change to OrgBridge's HR webhook receiver, as the HR system would (absent: the next sync picks it up). */
  webhook?: HrWebhookTarget;
};

type HrRecord = SandboxHrEmployeeJson | SandboxHrUnitJson;
type Outcome = {
  results: SimulationResult<HrRecord>[];
  unitName?: string;
  before?: unknown;
  scheduledFor?: string;
};

// A simulator refusal the pre-checks did not catch (a cycle, a race) still names the form field.
const FIELD_OF: { [K in HrSimulationKind]: string } = {
  hire: "unitCode",
  transfer: "employeeNo",
  withdrawTransfer: "employeeNo",
  terminate: "employeeNo",
  renameDepartment: "unitCode",
  moveDepartment: "parentCode",
  bulkHire: "unitCode",
  bulkTerminate: "employeeNos",
};

async function unitOrFail(sdb: SandboxDb, code: string, field: string) {
  const unit = await sdb.sandboxHrUnit.findUnique({ where: { code } });
  if (!unit) throw invalid(field, `${field}: no department with code ${code}`);
  return unit;
}

async function activeEmployeeOrFail(sdb: SandboxDb, employeeNo: string) {
  const employee = await sdb.sandboxHrEmployee.findUnique({ where: { employeeNo } });
  if (!employee) throw invalid("employeeNo", `employeeNo: no employee with number ${employeeNo}`);
  if (employee.status === "terminated")
    throw invalid("employeeNo", `employeeNo: ${employeeNo} has already left`);
  return employee;
}

function transferOf(e: { transferUnitCode: string | null; transferDate: Date | null }) {
  return e.transferUnitCode
    ? { unitCode: e.transferUnitCode, effectiveDate: e.transferDate?.toISOString().slice(0, 10) }
    : null;
}

async function run(
  sdb: SandboxDb,
  input: HrSimulation,
  webhook: HrWebhookTarget | undefined,
): Promise<Outcome> {
  const ctx: SimulatorContext = { db: sdb, webhook };
  switch (input.kind) {
    case "hire": {
      const unit = await unitOrFail(sdb, input.unitCode, "unitCode");
      const { kind: _, ...data } = input;
      return { results: [await hireEmployee(ctx, data)], unitName: unit.name };
    }
    case "transfer": {
      const before = await activeEmployeeOrFail(sdb, input.employeeNo);
      const unit = await unitOrFail(sdb, input.unitCode, "unitCode");
      if (before.unitCode === input.unitCode)
        throw invalid("unitCode", `unitCode: ${input.employeeNo} is already in ${unit.name}`);
      const result = await transferEmployee(ctx, input.employeeNo, {
        unitCode: input.unitCode,
        title: input.title,
        effectiveDate: input.effectiveDate,
      });
      const record = result.record;
      return {
        results: [result],
        unitName: unit.name,
        before: { unitCode: before.unitCode, title: before.title, transfer: transferOf(before) },
        ...(record.transfer ? { scheduledFor: record.transfer.effectiveDate } : {}),
      };
    }
    case "withdrawTransfer": {
      const before = await activeEmployeeOrFail(sdb, input.employeeNo);
      if (!before.transferUnitCode)
        throw invalid("employeeNo", `employeeNo: ${input.employeeNo} has no scheduled transfer`);
      return {
        results: [await withdrawTransfer(ctx, input.employeeNo)],
        before: { transfer: transferOf(before) },
      };
    }
    case "terminate": {
      const before = await activeEmployeeOrFail(sdb, input.employeeNo);
      return {
        results: [
          await terminateEmployee(ctx, input.employeeNo, {
            reason: input.reason,
            date: input.date,
          }),
        ],
        before: { status: before.status },
      };
    }
    case "renameDepartment": {
      const before = await unitOrFail(sdb, input.unitCode, "unitCode");
      return {
        results: [await renameDepartment(ctx, input.unitCode, input.name, input.nameEn)],
        before: { name: before.name, nameEn: before.nameEn },
      };
    }
    case "moveDepartment": {
      const before = await unitOrFail(sdb, input.unitCode, "unitCode");
      const parent = await unitOrFail(sdb, input.parentCode, "parentCode");
      return {
        results: [await moveDepartment(ctx, input.unitCode, input.parentCode)],
        unitName: parent.name,
        before: { parentCode: before.parentCode },
      };
    }
    case "bulkHire": {
      const unit = await unitOrFail(sdb, input.unitCode, "unitCode");
      return {
        results: await bulkHire(ctx, { count: input.count, unitCode: input.unitCode }),
        unitName: unit.name,
      };
    }
    case "bulkTerminate": {
      const found = await sdb.sandboxHrEmployee.findMany({
        where: { employeeNo: { in: input.employeeNos } },
        select: { employeeNo: true, status: true },
      });
      const active = new Set(
        found.filter((e) => e.status !== "terminated").map((e) => e.employeeNo),
      );
      const bad = input.employeeNos.filter((no) => !active.has(no));
      if (bad.length)
        throw invalid(
          "employeeNos",
          `employeeNos: unknown or already left: ${bad.slice(0, 10).join(", ")}${bad.length > 10 ? "…" : ""}`,
        );
      return { results: await bulkTerminate(ctx, input.employeeNos, input.reason) };
    }
  }
}

function auditEntry(input: HrSimulation, outcome: Outcome): AuditEntry {
  const records = outcome.results.map((r) => r.record);
  const isUnit = input.kind === "renameDepartment" || input.kind === "moveDepartment";
  const key = (r: HrRecord) => ("employeeNo" in r ? r.employeeNo : r.code);
  return {
    action: `sandbox_hr.${input.kind}`,
    targetType: isUnit ? "sandbox_hr_unit" : "sandbox_hr_employee",
    targetId: records.length === 1 ? key(records[0]) : null,
    before: outcome.before,
    after:
      records.length === 1 ? records[0] : { count: records.length, keys: records.map(key), input },
  };
}

/**
 * Makes one change in the sandbox HR system as HR would, and audits who did it. Bad input is
 * refused before anything is written, naming the form field at fault.
 */
export async function simulateHrChange(
  raw: HrSimulationInput,
  ctx: CommandContext,
  options: SimulateHrChangeOptions,
): Promise<HrSimulationSummary> {
  const input = hrSimulationSchema.parse(raw);
  let outcome: Outcome;
  try {
    outcome = await run(options.sandboxDb, input, options.webhook);
  } catch (err) {
    if (err instanceof SimulationError) {
      // A conflict is a race with another simulation (two hires took one number), not the user's input.
      if (err.code === "conflict") throw new AppError(409, "conflict", `${err.message}; try again`);
      const field = FIELD_OF[input.kind];
      throw new AppError(422, err.code, `${field}: ${err.message}`, field);
    }
    throw err;
  }
  // The sandbox stands for an outside system, so its write cannot share our transaction; the audit row has its own.
  await inTransaction(ctx, async (tx) => recordAudit(tx, ctx.actor, auditEntry(input, outcome)));
  const records = outcome.results.map((r) => r.record);
  const first = records[0];
  return {
    kind: input.kind,
    count: records.length,
    keys: records.slice(0, 10).map((r) => ("employeeNo" in r ? r.employeeNo : r.code)),
    name: first.name,
    version: first.version,
    unitName: outcome.unitName,
    ...(outcome.scheduledFor ? { scheduledFor: outcome.scheduledFor } : {}),
  };
}
