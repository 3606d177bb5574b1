-- AlterTable
ALTER TABLE "JobFunction" ADD COLUMN     "refusal" TEXT;

-- AlterTable (IF NOT EXISTS on waitReason/waitUntil: the exec-core branch adds the same two columns)
ALTER TABLE "JobRun" ADD COLUMN     "firstCallAt" TIMESTAMPTZ(3),
ADD COLUMN IF NOT EXISTS "waitReason" TEXT,
ADD COLUMN IF NOT EXISTS "waitUntil" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "JobFlowKey" (
    "functionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "runId" TEXT,
    "tat" BIGINT,
    "firstAt" BIGINT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobFlowKey_pkey" PRIMARY KEY ("functionId","kind","key")
);

-- CreateTable
CREATE TABLE "JobSkip" (
    "id" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobSkip_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobSkip_functionId_createdAt_idx" ON "JobSkip"("functionId", "createdAt");
