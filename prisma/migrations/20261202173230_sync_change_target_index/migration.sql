-- CreateIndex
CREATE INDEX "SyncChange_targetKey_targetType_idx" ON "SyncChange"("targetKey", "targetType");
