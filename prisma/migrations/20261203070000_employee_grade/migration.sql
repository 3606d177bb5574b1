-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "grade" TEXT;

-- AlterTable
ALTER TABLE "SandboxHrEmployee" ADD COLUMN     "grade" TEXT;
