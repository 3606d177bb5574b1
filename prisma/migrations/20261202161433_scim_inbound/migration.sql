-- AlterEnum
ALTER TYPE "ConnectionKind" ADD VALUE 'SCIM_INBOUND';

-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "sourceConnectionId" TEXT;

-- AlterTable
ALTER TABLE "OrgUnit" ADD COLUMN     "sourceConnectionId" TEXT;

-- CreateTable
CREATE TABLE "ScimResource" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "externalId" TEXT,
    "hrKey" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimResource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScimResource_connectionId_type_createdAt_idx" ON "ScimResource"("connectionId", "type", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScimResource_connectionId_type_nameKey_key" ON "ScimResource"("connectionId", "type", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "ScimResource_connectionId_type_externalId_key" ON "ScimResource"("connectionId", "type", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ScimResource_connectionId_type_hrKey_key" ON "ScimResource"("connectionId", "type", "hrKey");

-- CreateIndex
CREATE INDEX "Employee_sourceConnectionId_idx" ON "Employee"("sourceConnectionId");

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_sourceConnectionId_fkey" FOREIGN KEY ("sourceConnectionId") REFERENCES "Connection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_sourceConnectionId_fkey" FOREIGN KEY ("sourceConnectionId") REFERENCES "Connection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimResource" ADD CONSTRAINT "ScimResource_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
