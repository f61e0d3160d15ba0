// An Elastic Path store for the benchmarks: a sandbox store with its products, a connection to it written
// straight into the database (credentials sealed as the app seals them) and unified tokens for it.
import type { SandboxControl } from "../../e2e/simulators/control-client";
import type { DbClient } from "../../lib/db-client";

export type BenchEpStore = { storeId: string; clientId: string; clientSecret: string; connectionId: string; tokens: string[] };

export async function benchElasticPathStore(
  sandbox: SandboxControl,
  db: DbClient,
  options: { baseUrl: string; tokens: number; productCount?: number; accessExpiresAt?: Date },
): Promise<BenchEpStore> {
  // The sandbox's per-store budget (requests per second) must not be what answers the load.
  const store = await sandbox.createElasticPathStore({
    name: "Bench EP store",
    rateLimitPerSecond: 1_000_000,
    productCount: options.productCount ?? 25,
  });
  // lib/db's singleton (which mintUnifiedToken and the vault's key check use) is this client.
  (globalThis as unknown as { storelinkDb?: DbClient }).storelinkDb = db;
  const { insertConnection } = await import("../../testing/lifecycle");
  const { mintUnifiedToken } = await import("../../lib/connections/unified-tokens");
  // A stored token already past its expiry: the first call renews it through the lifecycle, as in production.
  const connectionId = await insertConnection(db, {
    platform: "ELASTICPATH",
    baseUrl: options.baseUrl,
    credentials: { clientId: store.key.client_id, clientSecret: store.key.client_secret, accessToken: "expired-token" },
    accessExpiresAt: options.accessExpiresAt ?? new Date(Date.now() - 60_000),
    lastRefreshAt: new Date(Date.now() - 3_660_000),
  });
  const tokens: string[] = [];
  for (let i = 0; i < options.tokens; i += 25) {
    const batch = Array.from({ length: Math.min(25, options.tokens - i) }, (_, k) =>
      mintUnifiedToken(connectionId, { name: `bench-${i + k}` }).then((m) => m.token),
    );
    tokens.push(...(await Promise.all(batch)));
  }
  return { storeId: store.storeId, clientId: store.key.client_id, clientSecret: store.key.client_secret, connectionId, tokens };
}

/** A client_credentials token minted straight at the sandbox (the direct baseline's credential). */
export async function mintDirectToken(baseUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const res = await fetch(`${baseUrl}/oauth/access_token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }),
  });
  if (!res.ok) throw new Error(`the sandbox refused a token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
