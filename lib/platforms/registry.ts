import "server-only";
import { ecwidAdapter } from "./ecwid/adapter";
import { elasticPathAdapter } from "./elasticpath/adapter";
import { oauth2Adapter } from "./oauth2/adapter";
import type { PlatformAdapter, PlatformId as Platform } from "./types";

const adapters: Record<Platform, PlatformAdapter> = {
  ECWID: ecwidAdapter as PlatformAdapter,
  ELASTICPATH: elasticPathAdapter as PlatformAdapter,
  OAUTH2: oauth2Adapter as PlatformAdapter,
};

const overrides = new Map<Platform, PlatformAdapter>();

export function adapterFor(platform: Platform): PlatformAdapter {
  return overrides.get(platform) ?? adapters[platform];
}

/** Test-only: replace a platform's adapter (pass null to restore the real one). */
export function setAdapterForTests(platform: Platform, adapter: PlatformAdapter | null): void {
  if (adapter) overrides.set(platform, adapter);
  else overrides.delete(platform);
}
