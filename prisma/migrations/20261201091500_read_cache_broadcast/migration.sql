-- Every instance memoizes the unified API's first read (a token and its connection) for up to a second.
-- When a row that memo holds changes (a token revoked, rotated or re-scoped; a connection renewed,
-- re-authorized, uninstalled), PostgreSQL tells every listening instance at commit time, so each clears
-- its memo at once instead of within the second (lib/db-broadcast.ts listens). Statement-level and only
-- for the columns the memo holds: "last used" and scheduling writes notify nobody.
CREATE OR REPLACE FUNCTION storelink_notify_read_cache() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('storelink_read_cache', TG_TABLE_NAME);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "UnifiedToken_read_cache"
  AFTER UPDATE OF "revokedAt", "expiresAt", "scope", "hash", "connectionId" OR DELETE ON "UnifiedToken"
  FOR EACH STATEMENT EXECUTE FUNCTION storelink_notify_read_cache();

CREATE TRIGGER "Connection_read_cache"
  AFTER UPDATE OF "status", "externalId", "baseUrl", "scopes", "metadata", "accessExpiresAt", "refreshExpiresAt", "lastRefreshAt",
    "cooldownUntil", "consecutiveFailures", "credCiphertext", "credIv", "credTag", "credKeyId", "credWrappedKey" OR DELETE ON "Connection"
  FOR EACH STATEMENT EXECUTE FUNCTION storelink_notify_read_cache();
