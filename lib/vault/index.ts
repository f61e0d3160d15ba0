import "server-only";
import { env } from "@/lib/env";
import { KeyRing } from "./key-ring";
import { open, seal, type Sealed } from "./seal";
import { taintSecrets } from "./taint";

export { KeyRing } from "./key-ring";
export { VaultError } from "./seal";

let ring: KeyRing | undefined;
export function keyRing(): KeyRing {
  ring ??= new KeyRing(env.STORELINK_VAULT_KEYS);
  return ring;
}

/** The encrypted columns of a Connection row. */
export type SealedColumns = {
  credCiphertext: Uint8Array | null;
  credIv: Uint8Array | null;
  credTag: Uint8Array | null;
  credWrappedKey: Uint8Array | null;
  credKeyId: string | null;
};

export const sealedColumnsSelect = {
  credCiphertext: true,
  credIv: true,
  credTag: true,
  credWrappedKey: true,
  credKeyId: true,
} as const;

/** Binds a ciphertext to its connection row: copied to another row, it will not decrypt. */
export const connectionAad = (connectionId: string) => `storelink:connection:${connectionId}`;

export function sealConnectionCredentials(connectionId: string, credentials: object, keys = keyRing()) {
  const sealed = seal(credentials, connectionAad(connectionId), keys);
  return {
    credCiphertext: new Uint8Array(sealed.ciphertext),
    credIv: new Uint8Array(sealed.iv),
    credTag: new Uint8Array(sealed.tag),
    credWrappedKey: new Uint8Array(sealed.wrappedKey),
    credKeyId: sealed.keyId,
  };
}

/** Columns that destroy a connection's credentials (uninstall): the ciphertext is gone, not only flagged. */
export const destroyedCredentials = {
  credCiphertext: null,
  credIv: null,
  credTag: null,
  credWrappedKey: null,
  credKeyId: null,
} as const;

export function openConnectionCredentials<T extends object>(
  connectionId: string,
  row: SealedColumns,
  keys = keyRing(),
): T | null {
  if (!row.credCiphertext || !row.credIv || !row.credTag || !row.credWrappedKey || !row.credKeyId) return null;
  const sealed: Sealed = {
    ciphertext: Buffer.from(row.credCiphertext),
    iv: Buffer.from(row.credIv),
    tag: Buffer.from(row.credTag),
    wrappedKey: Buffer.from(row.credWrappedKey),
    keyId: row.credKeyId,
  };
  return taintSecrets(open<T>(sealed, connectionAad(connectionId), keys));
}
