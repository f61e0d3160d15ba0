import "server-only";
import type { DbClient } from "@/lib/db-client";
import {
  openEndpointSecret,
  openPreviousSecret,
  previousSecretOf,
  sealEndpointSecret,
  sealPreviousSecret,
} from "./endpoint-secret";
import { connectionAad, sealedColumnsSelect, type SealedColumns } from "./index";
import type { KeyRing } from "./key-ring";
import { open, seal } from "./seal";

/** Key ids referenced by stored rows that the ring cannot decrypt. Start-up refuses to run if any exist. */
export async function missingVaultKeyIds(db: DbClient, ring: KeyRing): Promise<string[]> {
  const rows = await db.connection.findMany({
    where: { credKeyId: { not: null } },
    distinct: ["credKeyId"],
    select: { credKeyId: true },
  });
  const endpoints = await db.webhookEndpoint.findMany({ select: { secretKeyId: true, previousSecret: true } });
  const endpointKeys = endpoints.flatMap((e) => [e.secretKeyId, previousSecretOf(e.previousSecret)?.keyId ?? []].flat());
  return [...new Set([...rows.map((r) => r.credKeyId!), ...endpointKeys])].filter((id) => !ring.has(id));
}

/** Re-encrypts webhook endpoints' signing secrets (current and previous) under the newest key. */
export async function rotateEndpointSecrets(db: DbClient, ring: KeyRing) {
  const counts = { total: 0, rotated: 0, alreadyCurrent: 0 };
  const rows = await db.webhookEndpoint.findMany({
    select: {
      id: true,
      secretCiphertext: true,
      secretIv: true,
      secretTag: true,
      secretWrappedKey: true,
      secretKeyId: true,
      previousSecret: true,
    },
  });
  for (const row of rows) {
    counts.total++;
    const previous = previousSecretOf(row.previousSecret);
    if (row.secretKeyId === ring.current.id && (!previous || previous.keyId === ring.current.id)) {
      counts.alreadyCurrent++;
      continue;
    }
    const previousPlain = previous && openPreviousSecret(row.id, previous, ring);
    await db.webhookEndpoint.update({
      where: { id: row.id },
      data: {
        ...sealEndpointSecret(row.id, openEndpointSecret(row.id, row, ring), ring),
        ...(previousPlain && { previousSecret: sealPreviousSecret(row.id, previousPlain, ring) }),
      },
    });
    counts.rotated++;
  }
  return counts;
}

/** Re-encrypts every row not yet under the ring's newest key. Each row is updated only if unchanged since read. */
export async function rotateVault(db: DbClient, ring: KeyRing) {
  const counts = { total: 0, rotated: 0, alreadyCurrent: 0, skippedChanged: 0 };
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.connection.findMany({
      where: { credKeyId: { not: null } },
      select: { id: true, updatedAt: true, ...sealedColumnsSelect },
      orderBy: { id: "asc" },
      take: 200,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (rows.length === 0) return counts;
    for (const row of rows) {
      counts.total++;
      if (row.credKeyId === ring.current.id) {
        counts.alreadyCurrent++;
        continue;
      }
      const aad = connectionAad(row.id);
      const plain = open(toSealed(row), aad, ring);
      const next = seal(plain, aad, ring);
      const { count } = await db.connection.updateMany({
        where: { id: row.id, updatedAt: row.updatedAt },
        data: {
          credCiphertext: new Uint8Array(next.ciphertext),
          credIv: new Uint8Array(next.iv),
          credTag: new Uint8Array(next.tag),
          credWrappedKey: new Uint8Array(next.wrappedKey),
          credKeyId: next.keyId,
        },
      });
      if (count === 1) counts.rotated++;
      else counts.skippedChanged++;
    }
    cursor = rows.at(-1)!.id;
  }
}

function toSealed(row: SealedColumns) {
  return {
    ciphertext: Buffer.from(row.credCiphertext!),
    iv: Buffer.from(row.credIv!),
    tag: Buffer.from(row.credTag!),
    wrappedKey: Buffer.from(row.credWrappedKey!),
    keyId: row.credKeyId!,
  };
}
