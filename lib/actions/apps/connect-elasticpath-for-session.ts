"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { CONNECT_COOKIE, sessionFromCookie } from "@/lib/apps/connect-cookie";
import { completeConnectSession, ConnectSessionError, continueConnectSession } from "@/lib/apps/connect-sessions";
import { ConnectRefused, connectElasticPath } from "@/lib/connections/elasticpath/connect";
import type { ActionResult } from "@/lib/actions/safe-action";

const schema = z.object({
  session: z.string().min(1).max(100),
  name: z.string().trim().min(1, "Give the store a name.").max(100),
  region: z.string().min(1, "Choose a region."),
  customBaseUrl: z.string().trim().max(300).optional(),
  clientId: z.string().trim().min(1, "Enter the client_id.").max(200),
  clientSecret: z.string().trim().min(1, "Enter the client_secret.").max(200),
});

const SESSION_GONE = "This connect session can no longer be used. Go back to the app and start connecting again.";

/**
 * The merchant's Elastic Path key on an integrator's connect page (no Storelink account): only from the browser
 * the connect session opened in (its signed cookie), only while that session is open and offers Elastic Path.
 * The key is verified before anything is saved; a store Storelink already holds a key of is handed to the app as
 * it is (the merchant just proved they hold a working key of it). Then back to the app with a one-time code.
 */
export async function connectElasticPathForSession(raw: z.input<typeof schema>): Promise<ActionResult<never>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    };
  }
  const { session: sessionId, ...key } = parsed.data;
  const jar = await cookies();
  if (sessionFromCookie(jar.get(CONNECT_COOKIE)?.value) !== sessionId) return { ok: false, error: SESSION_GONE };
  let redirectUrl: string;
  try {
    const session = await continueConnectSession(sessionId);
    if (!session.platforms.includes("ELASTICPATH"))
      return { ok: false, error: "This app did not ask for an Elastic Path store." };
    const connected = await connectElasticPath(key, { actor: null, mintToken: false, attachExisting: true });
    ({ redirectUrl } = await completeConnectSession(sessionId, connected.connectionId));
  } catch (error) {
    if (error instanceof ConnectRefused) return { ok: false, error: error.message };
    if (error instanceof ConnectSessionError) return { ok: false, error: SESSION_GONE };
    console.error("[connect elasticpath]", error instanceof Error ? error.message : error);
    return { ok: false, error: "Something went wrong on Storelink's side. Nothing was saved; please try again." };
  }
  jar.delete(CONNECT_COOKIE);
  redirect(redirectUrl);
}
