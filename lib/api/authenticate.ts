import "server-only";
import type { CredentialRow } from "@/lib/connections/fresh-credentials";
import { findLiveCaller } from "@/lib/connections/unified-tokens";
import { ApiError } from "./errors";

export type ApiCaller = { tokenId: string; connectionId: string; lastUsedAt: Date | null; connection: CredentialRow };

/** Bearer unified token → the live token and its connection; 401 for missing, malformed, unknown, revoked or expired. */
export async function authenticate(request: Request): Promise<ApiCaller> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError("unauthorized", "Send the store's unified token as `Authorization: Bearer slk_…`.");
  const row = await findLiveCaller(match[1]!);
  if (!row) throw new ApiError("unauthorized", "The token is malformed, unknown, revoked or past its grace period.");
  return { tokenId: row.id, connectionId: row.connectionId, lastUsedAt: row.lastUsedAt, connection: row.connection };
}
