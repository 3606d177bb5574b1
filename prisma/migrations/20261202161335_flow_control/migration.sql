-- AlterTable (IF NOT EXISTS: executor_flow_control, merged first, adds the same two columns)
ALTER TABLE "JobRun" ADD COLUMN IF NOT EXISTS "waitReason" TEXT,
ADD COLUMN IF NOT EXISTS "waitUntil" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "JobFlowLease" (
    "key" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "leaseUntil" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobFlowLease_pkey" PRIMARY KEY ("key","runId","stepId")
);

-- CreateTable
CREATE TABLE "JobFlowWait" (
    "key" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "ord" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "job" JSONB NOT NULL,

    CONSTRAINT "JobFlowWait_pkey" PRIMARY KEY ("key","runId","stepId")
);

-- CreateTable
CREATE TABLE "JobThrottle" (
    "key" TEXT NOT NULL,
    "tat" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "JobFlowLease_runId_idx" ON "JobFlowLease"("runId");

-- CreateIndex
CREATE INDEX "JobFlowWait_key_ord_idx" ON "JobFlowWait"("key", "ord");

-- CreateIndex
CREATE INDEX "JobFlowWait_runId_idx" ON "JobFlowWait"("runId");
