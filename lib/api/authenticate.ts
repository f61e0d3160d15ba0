import "server-only";
import type { TokenScope } from "@/generated/prisma/enums";
import type { CredentialRow } from "@/lib/connections/fresh-credentials";
import { findLiveCaller } from "@/lib/connections/unified-tokens";
import { ApiError } from "./errors";

export type ApiCaller = {
  tokenId: string;
  connectionId: string;
  scope: TokenScope;
  lastUsedAt: Date | null;
  connection: CredentialRow;
};

/** Bearer unified token → the live token and its connection; 401 for missing, malformed, unknown, revoked or expired. */
export async function authenticate(authorization: string | undefined): Promise<ApiCaller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) throw new ApiError("unauthorized", "Send the store's unified token as `Authorization: Bearer slk_…`.");
  const row = await findLiveCaller(match[1]!);
  if (!row) throw new ApiError("unauthorized", "The token is malformed, unknown, revoked or past its grace period.");
  return {
    tokenId: row.id,
    connectionId: row.connectionId,
    scope: row.scope,
    lastUsedAt: row.lastUsedAt,
    connection: row.connection,
  };
}

/** A read-only token reaches no endpoint that changes the store. */
export function requireWriteScope(caller: ApiCaller): void {
  if (caller.scope !== "READ_WRITE") {
    throw new ApiError("insufficient_scope", "This unified token is read-only: create a read-write token for changes.");
  }
}
