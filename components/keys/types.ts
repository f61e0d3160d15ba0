// What the keys page hands its client components: public key data only (never a secret).
export type KeyRow = {
  id: string;
  name: string;
  /** Public: shoppers' browsers send client_ids to mint implicit tokens. */
  clientId: string;
  reservedRateLimit: number;
  createdAt: string | null;
  lastUsedAt: string | null;
  inUse: boolean;
};
