// npm run vault:rotate: re-encrypts every stored credential under the newest key of STORELINK_VAULT_KEYS.
// Run it after putting a new key first in the ring; once it reports 0 left on old keys, old keys may go.
import { closeDb, createPrismaClient } from "@/lib/db-client";
import { parseEnv } from "@/lib/env";
import { KeyRing } from "@/lib/vault/key-ring";
import { rotateEndpointSecrets, rotateVault } from "@/lib/vault/rotation";
import { databaseUrl } from "./db/url";
import { loadDemoEnv } from "./lib/script-env";

loadDemoEnv();
const env = parseEnv(process.env);
const ring = new KeyRing(env.STORELINK_VAULT_KEYS);
const db = createPrismaClient(databaseUrl());
try {
  const counts = await rotateVault(db, ring);
  const endpoints = await rotateEndpointSecrets(db, ring);
  const left =
    (await db.connection.count({ where: { credKeyId: { not: null, notIn: [ring.current.id] } } })) +
    (await db.webhookEndpoint.count({ where: { secretKeyId: { not: ring.current.id } } }));
  await db.auditEvent.create({
    data: {
      action: "vault.rotated",
      actorEmail: "cli",
      data: { toKey: ring.current.id, ...counts, endpointSecrets: endpoints.rotated, left },
    },
  });
  console.log(
    `Vault rotation to key "${ring.current.id}": ${counts.total} rows with credentials, ${counts.rotated} re-encrypted, ` +
      `${counts.alreadyCurrent} already current, ${counts.skippedChanged} changed during rotation (run again); ` +
      `${endpoints.rotated} of ${endpoints.total} webhook signing secrets re-encrypted; ${left} left on older keys.`,
  );
} finally {
  await closeDb(db);
}
