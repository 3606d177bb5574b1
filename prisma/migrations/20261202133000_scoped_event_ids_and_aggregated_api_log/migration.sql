-- Written by hand: `npm run db:diff` could not build its shadow database on this machine (P3006,
-- the migrations were re-applied onto an already migrated database). It is what the diff yields,
-- plus the backfill existing rows need before "scopedId" becomes NOT NULL.

-- AlterTable
ALTER TABLE "ApiRequestLog" ADD COLUMN     "aggregateKey" TEXT,
ADD COLUMN     "count" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "CallbackEvent" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'internal',
ADD COLUMN     "scopedId" TEXT;

-- Existing events keep their id as their scoped id (all in the internal scope: the token that
-- sent an API event was not recorded).
UPDATE "CallbackEvent" SET "scopedId" = "id";
ALTER TABLE "CallbackEvent" ALTER COLUMN "scopedId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "ApiRequestLog_aggregateKey_key" ON "ApiRequestLog"("aggregateKey");

-- CreateIndex
CREATE UNIQUE INDEX "CallbackEvent_scope_scopedId_key" ON "CallbackEvent"("scope", "scopedId");
