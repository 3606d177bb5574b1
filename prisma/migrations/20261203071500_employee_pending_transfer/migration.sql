-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "transferDate" DATE,
ADD COLUMN     "transferManagerNo" TEXT,
ADD COLUMN     "transferTitle" TEXT,
ADD COLUMN     "transferUnitCode" TEXT;

-- AlterTable
ALTER TABLE "SandboxHrEmployee" ADD COLUMN     "transferDate" DATE,
ADD COLUMN     "transferManagerNo" TEXT,
ADD COLUMN     "transferTitle" TEXT,
ADD COLUMN     "transferUnitCode" TEXT;

-- CreateIndex
CREATE INDEX "Employee_transferDate_idx" ON "Employee"("transferDate");
