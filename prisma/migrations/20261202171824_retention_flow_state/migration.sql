-- CreateIndex
CREATE INDEX "JobFlowKey_updatedAt_idx" ON "JobFlowKey"("updatedAt");

-- CreateIndex
CREATE INDEX "JobSkip_createdAt_idx" ON "JobSkip"("createdAt");
