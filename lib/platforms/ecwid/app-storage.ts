import "server-only";
import { z } from "zod";
import { PlatformError } from "@/lib/platforms/types";
import { ecwidFetch } from "./transport";

// Ecwid app storage (platform-facts §2): per-app key/value pairs. The `public` key is readable by the
// storefront, so it holds only settings that are safe for anyone to see: never a token or a secret.

export const publicSettingsSchema = z.object({
  widgetTitle: z.string().trim().max(60).default("Featured products"),
  lowStockThreshold: z.coerce.number().int().min(0).max(10_000).default(5),
  showStockBadges: z.boolean().default(true),
});

export type PublicSettings = z.output<typeof publicSettingsSchema>;

export const defaultPublicSettings: PublicSettings = publicSettingsSchema.parse({});

export async function readPublicSettings(storeId: string, secretToken: string): Promise<PublicSettings> {
  let stored: { key?: string; value?: string | null } | undefined;
  try {
    stored = await ecwidFetch<{ key?: string; value?: string | null }>({ storeId, token: secretToken, path: "/storage/public" });
  } catch (error) {
    if (error instanceof PlatformError && error.kind === "not_found") return defaultPublicSettings;
    throw error;
  }
  try {
    const parsed = publicSettingsSchema.safeParse(JSON.parse(stored?.value ?? "{}"));
    return parsed.success ? parsed.data : defaultPublicSettings;
  } catch {
    return defaultPublicSettings;
  }
}

export async function writePublicSettings(storeId: string, secretToken: string, settings: PublicSettings): Promise<void> {
  // Ecwid takes {"value": "<string>"} as application/json and answers 415 to other content types
  // (docs.ecwid.com … add-app-storage-data, platform-facts §0); the value is the settings' JSON text.
  await ecwidFetch({
    storeId,
    token: secretToken,
    method: "PUT",
    path: "/storage/public",
    body: { value: JSON.stringify(publicSettingsSchema.parse(settings)) },
  });
}
