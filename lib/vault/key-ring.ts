import "server-only";

export type VaultKey = { id: string; key: Buffer };

/** The newest key encrypts; every key in the ring decrypts (so keys can rotate without downtime). */
export class KeyRing {
  readonly current: VaultKey;
  private readonly keys: Map<string, Buffer>;

  constructor(keys: VaultKey[]) {
    const [newest] = keys;
    if (!newest) throw new Error("The vault key ring is empty.");
    this.current = newest;
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
  }

  byId(id: string): Buffer | undefined {
    return this.keys.get(id);
  }

  has(id: string): boolean {
    return this.keys.has(id);
  }

  get ids(): string[] {
    return [...this.keys.keys()];
  }
}
