-- AlterTable
ALTER TABLE "CallbackDelivery" ADD COLUMN     "leaseToken" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "runAttempt" INTEGER NOT NULL DEFAULT 0;

-- Deliveries in flight before this migration continue their schedule where they are.
UPDATE "CallbackDelivery" SET "runAttempt" = "attemptCount" WHERE "status" IN ('PENDING', 'RETRYING');

-- CreateTable
CREATE TABLE "CallbackRateLimit" (
    "endpointId" TEXT NOT NULL,
    "tatMs" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "CallbackRateLimit_pkey" PRIMARY KEY ("endpointId")
);

-- CreateIndex
CREATE INDEX "CallbackDelivery_nextAttemptAt_idx" ON "CallbackDelivery"("nextAttemptAt");

-- AddForeignKey
ALTER TABLE "CallbackRateLimit" ADD CONSTRAINT "CallbackRateLimit_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "CallbackEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
