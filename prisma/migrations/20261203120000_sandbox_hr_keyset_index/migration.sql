-- The sandbox HR pages by (updatedAt, key): an index on updatedAt alone made every page sort the rows that
-- share one updatedAt (a seeded company has thousands per instant).
DROP INDEX "SandboxHrUnit_updatedAt_idx";
CREATE INDEX "SandboxHrUnit_updatedAt_code_idx" ON "SandboxHrUnit"("updatedAt", "code");

DROP INDEX "SandboxHrEmployee_updatedAt_idx";
CREATE INDEX "SandboxHrEmployee_updatedAt_employeeNo_idx" ON "SandboxHrEmployee"("updatedAt", "employeeNo");
