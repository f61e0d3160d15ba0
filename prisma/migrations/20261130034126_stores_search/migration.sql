-- Trigram matching for the stores search (trusted extension: a database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Connection_displayName_trgm_idx" ON "Connection" USING GIN ("displayName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Connection_externalId_idx" ON "Connection"("externalId");
