"use server";

import { z } from "zod";
import { readPublicSettings } from "@/lib/platforms/ecwid/app-storage";
import { embeddedAction } from "./embedded-action";

/** The app's public settings from Ecwid app storage, read server-side with the store's secret token. */
export const loadAppSettings = embeddedAction({ schema: z.object({}), name: "load_settings" }, async (_input, { ecwid }) =>
  readPublicSettings(ecwid.connection.externalId, ecwid.credentials.accessToken),
);
