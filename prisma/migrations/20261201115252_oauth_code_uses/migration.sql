-- CreateTable
CREATE TABLE "OAuthCodeUse" (
    "codeHash" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthCodeUse_pkey" PRIMARY KEY ("codeHash")
);

-- CreateIndex
CREATE INDEX "OAuthCodeUse_createdAt_idx" ON "OAuthCodeUse"("createdAt");
