-- The apps' webhook relay (lib/apps/relay.ts) turns timeline entries into outbox messages and marks each
-- entry it has handled. Entries written before the relay existed announce nothing: mark them handled.
ALTER TABLE "ConnectionEvent" ADD COLUMN     "relayedAt" TIMESTAMP(3);
UPDATE "ConnectionEvent" SET "relayedAt" = CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "ConnectionEvent_relayedAt_createdAt_idx" ON "ConnectionEvent"("relayedAt", "createdAt");
