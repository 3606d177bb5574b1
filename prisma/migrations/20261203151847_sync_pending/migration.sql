-- CreateTable
CREATE TABLE "SyncPending" (
    "connectionId" TEXT NOT NULL,
    "employeeNo" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncPending_pkey" PRIMARY KEY ("connectionId","employeeNo")
);

-- AddForeignKey
ALTER TABLE "SyncPending" ADD CONSTRAINT "SyncPending_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
