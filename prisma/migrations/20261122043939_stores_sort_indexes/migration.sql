-- CreateIndex
CREATE INDEX "Connection_accessExpiresAt_id_idx" ON "Connection"("accessExpiresAt", "id");

-- CreateIndex
CREATE INDEX "Connection_lastUsedAt_id_idx" ON "Connection"("lastUsedAt", "id");

-- CreateIndex
CREATE INDEX "Connection_lastRefreshAt_id_idx" ON "Connection"("lastRefreshAt", "id");
