// Shared setup of the notification console integration tests (notification-console,
// notification-console-log): an HR user, two employees and four categories, named per run.
import { beforeAll } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { makePolicy, nightlyQuiet } from "@/lib/notifications/rules/test-fixtures";
import { makeEmployee, setupTestDb } from "@/lib/testing/setup-test-db";

export const db = async () => (await import("@/lib/core/db")).db;
export const run = Math.random().toString(36).slice(2, 7);
export const hr: Actor = { type: "user", id: `hr-${run}`, name: "李娜", ip: "127.0.0.1" };
export const optionalKey = `benefits-${run}`;
export const mandatoryKey = `system-${run}`;
export const archivedKey = `old-${run}`;
export const quietKey = `quiet-${run}`;

/**
 * Test database; before the file's tests: `emp` (in America/New_York) and `other`, an optional,
 * a mandatory urgent, an archived and a quiet category (the quiet one at version 2).
 */
export function setupConsoleWorld() {
  setupTestDb();
  const env = {
    emp: undefined as unknown as { id: string; employeeNo: string },
    other: undefined as unknown as { id: string; employeeNo: string },
    optionalId: "",
  };
  const hrCtx = { actor: hr };
  beforeAll(async () => {
    const d = await db();
    const { createCategory, updateCategory } =
      await import("@/lib/notifications/commands/save-category");
    await d.user.create({ data: { id: hr.id, subject: `sub-${run}`, name: "李娜" } });
    env.emp = await makeEmployee();
    env.other = await makeEmployee();
    await d.employee.update({ where: { id: env.emp.id }, data: { timeZone: "America/New_York" } });
    env.optionalId = (
      await createCategory(
        makePolicy({ key: optionalKey, nameEn: "Benefits", nameZh: "福利提醒" }),
        hrCtx,
      )
    ).id;
    await createCategory(
      makePolicy({
        key: mandatoryKey,
        mandatory: true,
        urgent: true,
        quietAction: "deliver",
        quietHours: nightlyQuiet,
      }),
      hrCtx,
    );
    const archived = await createCategory(makePolicy({ key: archivedKey }), hrCtx);
    await d.notificationCategory.update({ where: { id: archived.id }, data: { archived: true } });
    const quiet = await createCategory(
      makePolicy({ key: quietKey, quietHours: nightlyQuiet, throttlePerDay: 1 }),
      hrCtx,
    );
    await updateCategory(
      {
        id: quiet.id,
        policy: makePolicy({
          key: quietKey,
          quietHours: { ...nightlyQuiet, start: "21:30" },
          throttlePerDay: 1,
        }),
      },
      hrCtx,
    );
  });
  return env;
}
