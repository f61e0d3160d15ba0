import "server-only";
import type { Platform } from "@/generated/prisma/enums";
import { ecwidAdapter } from "./ecwid/adapter";
import { elasticPathAdapter } from "./elasticpath/adapter";
import { oauth2Adapter } from "./oauth2/adapter";
import type { PlatformAdapter } from "./types";

const adapters: Record<Platform, PlatformAdapter> = {
  ECWID: ecwidAdapter as PlatformAdapter,
  ELASTICPATH: elasticPathAdapter as PlatformAdapter,
  OAUTH2: oauth2Adapter as PlatformAdapter,
};

export function adapterFor(platform: Platform): PlatformAdapter {
  return adapters[platform];
}
