"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { NEW_TOKEN_COOKIE, NEW_TOKEN_COOKIE_OPTIONS } from "@/lib/connections/new-token-notice";
import { adminAction } from "./safe-action";

const schema = z.object({});

/** Clears the one-time cookie that carried a connect flow's new unified token to the store's page. */
export const dismissNewToken = adminAction({ schema, role: "VIEWER", name: "dismiss-new-token" }, async () => {
  (await cookies()).delete({ name: NEW_TOKEN_COOKIE, path: NEW_TOKEN_COOKIE_OPTIONS.path });
  return { dismissed: true };
});
