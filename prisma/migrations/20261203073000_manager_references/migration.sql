-- AlterTable
ALTER TABLE "Employee" ADD COLUMN "managerNo" TEXT;

-- Backfill: the manager links the mirror already holds (references to nobody or to oneself arrive with the next pull).
UPDATE "Employee" AS e SET "managerNo" = m."employeeNo" FROM "Employee" AS m WHERE e."managerId" = m.id;

-- AlterTable
ALTER TABLE "SandboxImUser" ADD COLUMN "directLeader" TEXT;
