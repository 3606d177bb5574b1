import { chunk } from "@/lib/connectors/core/collect";
import { db } from "@/lib/core/db";
import type { HrDirectoryWrites } from "../hr-directory-types";

/**
 * Applies a directory diff. Rows first (links null), then links in bulk, so parents
 * and managers always exist when referenced. Updates commit per batch of `batchSize`.
 */
export async function writeHrDirectory(w: HrDirectoryWrites, batchSize: number): Promise<void> {
  for (const batch of chunk(w.unitCreates, batchSize * 10)) await insertUnits(batch);
  for (const batch of chunk(w.employeeCreates, batchSize * 10)) await insertEmployees(batch);
  for (const batch of chunk(w.unitUpdates, batchSize))
    await db.$transaction(
      batch.map((u) => db.orgUnit.update({ where: { id: u.id }, data: u.data })),
    );
  for (const batch of chunk(w.employeeUpdates, batchSize))
    await db.$transaction(
      batch.map((e) => db.employee.update({ where: { id: e.id }, data: e.data })),
    );
  for (const batch of chunk(w.terminate, batchSize))
    await db.employee.updateMany({ where: { id: { in: batch } }, data: { status: "TERMINATED" } });
  await writeUnitLinks(w.unitLinks, batchSize);
  await writeEmployeeLinks(w.employeeLinks, batchSize);
}

// New rows as one INSERT … unnest per chunk (Prisma's createMany spends about a second per 1,000 rows building the statement).
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function insertUnits(rows: HrDirectoryWrites["unitCreates"]) {
  await db.$executeRaw`
    INSERT INTO "OrgUnit" (id, code, name, "nameEn", path, depth, active, "sourceVersion", "sourceHash", "sourceConnectionId", "createdAt", "updatedAt")
    SELECT u.id, u.code, u.name, u.name_en, u.path, u.depth, u.active, u.version::bigint, u.hash, u.source, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.nameEn)}::text[],
                ${rows.map((r) => r.path)}::text[], ${rows.map((r) => r.depth)}::int[], ${rows.map((r) => r.active)}::boolean[],
                ${rows.map((r) => String(r.sourceVersion))}::text[], ${rows.map((r) => r.sourceHash)}::text[],
                ${rows.map((r) => r.sourceConnectionId)}::text[])
         AS u(id, code, name, name_en, path, depth, active, version, hash, source)`;
}

async function insertEmployees(rows: HrDirectoryWrites["employeeCreates"]) {
  await db.$executeRaw`
    INSERT INTO "Employee" (id, "employeeNo", name, "nameEn", email, mobile, title, grade, "orgUnitId", "managerNo", status, "hireDate", "terminationDate", "terminationReason",
                            "timeZone", locale, "sourceVersion", "sourceHash", "sourceConnectionId", "createdAt", "updatedAt",
                            "transferUnitCode", "transferDate", "transferTitle", "transferManagerNo")
    SELECT e.id, e.no, e.name, e.name_en, e.email, e.mobile, e.title, e.grade, e.unit, e.manager_no, e.status::"EmployeeStatus", e.hire::date, e.term::date, e.reason,
           e.tz, e.locale, e.version::bigint, e.hash, e.source, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC',
           e.t_unit, e.t_date::date, e.t_title, e.t_manager
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.employeeNo)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.nameEn)}::text[],
                ${rows.map((r) => r.email)}::text[], ${rows.map((r) => r.mobile)}::text[], ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.grade)}::text[],
                ${rows.map((r) => r.orgUnitId)}::text[], ${rows.map((r) => r.managerNo)}::text[], ${rows.map((r) => r.status)}::text[], ${rows.map((r) => isoDay(r.hireDate))}::text[],
                ${rows.map((r) => isoDay(r.terminationDate))}::text[], ${rows.map((r) => r.terminationReason)}::text[],
                ${rows.map((r) => r.timeZone)}::text[], ${rows.map((r) => r.locale)}::text[],
                ${rows.map((r) => String(r.sourceVersion))}::text[], ${rows.map((r) => r.sourceHash)}::text[],
                ${rows.map((r) => r.sourceConnectionId)}::text[],
                ${rows.map((r) => r.transferUnitCode)}::text[], ${rows.map((r) => isoDay(r.transferDate))}::text[],
                ${rows.map((r) => r.transferTitle)}::text[], ${rows.map((r) => r.transferManagerNo)}::text[])
         AS e(id, no, name, name_en, email, mobile, title, grade, unit, manager_no, status, hire, term, reason, tz, locale, version, hash, source,
              t_unit, t_date, t_title, t_manager)`;
}

async function writeUnitLinks(links: HrDirectoryWrites["unitLinks"], batchSize: number) {
  if (links.length === 0) return;
  await db.$transaction(
    async (tx) => {
      // managerId is unique: release the old links before any unit takes a manager over.
      const ids = links.map((l) => l.id);
      await tx.$executeRaw`UPDATE "OrgUnit" SET "managerId" = NULL WHERE id = ANY(${ids}::text[]) AND "managerId" IS NOT NULL`;
      for (const batch of chunk(links, batchSize * 10)) {
        await tx.$executeRaw`
        UPDATE "OrgUnit" AS u SET "parentId" = l.parent, "managerId" = l.manager
        FROM unnest(${batch.map((l) => l.id)}::text[], ${batch.map((l) => l.parentId)}::text[], ${batch.map((l) => l.managerId)}::text[]) AS l(id, parent, manager)
        WHERE u.id = l.id`;
      }
    },
    { timeout: 120_000 },
  );
}

async function writeEmployeeLinks(links: HrDirectoryWrites["employeeLinks"], batchSize: number) {
  for (const batch of chunk(links, batchSize * 10)) {
    await db.$executeRaw`
      UPDATE "Employee" AS e SET "managerId" = l.manager
      FROM unnest(${batch.map((l) => l.id)}::text[], ${batch.map((l) => l.managerId)}::text[]) AS l(id, manager)
      WHERE e.id = l.id`;
  }
}
