"use server";

import { publicSettingsSchema, writePublicSettings } from "@/lib/platforms/ecwid/app-storage";
import { auditEmbedded, embeddedAction } from "./embedded-action";

/** Saves the app's settings under the `public` app-storage key (readable by the storefront: never a secret). */
export const saveAppSettings = embeddedAction({ schema: publicSettingsSchema, name: "save_settings" }, async (settings, ctx) => {
  await writePublicSettings(ctx.ecwid.connection.externalId, ctx.ecwid.credentials.accessToken, settings);
  await auditEmbedded(ctx, "settings_saved", {
    lowStockThreshold: settings.lowStockThreshold,
    showStockBadges: settings.showStockBadges,
  });
  return settings;
});
