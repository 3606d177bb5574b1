-- CreateTable
CREATE TABLE "SandboxImGroupChat" (
    "chatId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "members" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxImGroupChat_pkey" PRIMARY KEY ("chatId")
);

-- CreateIndex
CREATE INDEX "SandboxImGroupChat_owner_idx" ON "SandboxImGroupChat"("owner");
