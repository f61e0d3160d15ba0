// @elasticpath/js-sdk pointed at the sandbox, for the tests that let Elastic Path's own client drive it.
import { gateway, MemoryStorageFactory, type ConfigOptions, type ElasticPath } from "@elasticpath/js-sdk";
import type { Harness } from "./harness";

export type SdkStore = Awaited<ReturnType<Harness["control"]["createElasticPathStore"]>>;

/** The SDK reads `protocol` (src/config.js) although its typings omit it; the sandbox speaks plain http. */
export const sdkHostOptions = (h: Harness) =>
  ({
    host: new URL(h.sandbox.urls.elasticpath).host,
    protocol: "http",
    storage: new MemoryStorageFactory(),
  }) as Partial<ConfigOptions>;

/** An SDK client for the sandbox: client_credentials with a secret, implicit without (the SDK's own rule). */
export function sdkFor(
  h: Harness,
  store: SdkStore,
  grant: "client_credentials" | "implicit",
  extra: { retryDelay?: number; headers?: Record<string, string> } = {},
): ElasticPath {
  return gateway({
    // A name of its own per client: the SDK keeps one token per name in its storage.
    name: `${store.storeId}-${grant}-${Math.random().toString(36).slice(2)}`,
    client_id: store.key.client_id,
    ...(grant === "client_credentials" && { client_secret: store.key.client_secret }),
    ...sdkHostOptions(h),
    ...extra,
  });
}

/** What the SDK rejects with: the parsed JSON:API error body. */
export async function rejection(call: Promise<unknown>): Promise<{ errors: { status: number | string; title: string }[] }> {
  try {
    await call;
  } catch (error) {
    return error as { errors: { status: number | string; title: string }[] };
  }
  throw new Error("expected the SDK call to be rejected");
}
