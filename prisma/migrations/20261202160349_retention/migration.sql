-- DropIndex
DROP INDEX "NotificationDelivery_status_idx";

-- CreateTable
CREATE TABLE "RetentionPrune" (
    "kind" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "cutoff" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "removed" INTEGER NOT NULL,
    "complete" BOOLEAN NOT NULL,
    "error" TEXT,

    CONSTRAINT "RetentionPrune_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE INDEX "CallbackDelivery_status_completedAt_idx" ON "CallbackDelivery"("status", "completedAt");

-- CreateIndex
CREATE INDEX "CallbackDelivery_eventId_idx" ON "CallbackDelivery"("eventId");

-- CreateIndex
CREATE INDEX "CallbackEvent_createdAt_idx" ON "CallbackEvent"("createdAt");

-- CreateIndex
CREATE INDEX "JobEvent_receivedAt_idx" ON "JobEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "JobRun_status_endedAt_idx" ON "JobRun"("status", "endedAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_status_createdAt_idx" ON "NotificationDelivery"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SandboxImMessage_createdAt_idx" ON "SandboxImMessage"("createdAt");
