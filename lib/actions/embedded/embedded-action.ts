import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { EmbeddedSessionError, verifyEmbeddedSession, type EmbeddedSession } from "@/lib/auth/embedded-session";
import { freshCredentials } from "@/lib/connections/fresh-credentials";
import type { EcwidCredentials } from "@/lib/platforms/ecwid/ecwid-types";
import { PlatformError, type ConnectionContext } from "@/lib/platforms/types";

// The Control Panel page's server actions are not admin actions: the caller is a merchant inside Ecwid's
// iframe, authenticated by the embedded-session token passed as the first argument (no cookie). Same
// order as adminAction: session → parse → load the connection the session is bound to → work → small result.

export type EmbeddedErrorCode =
  "session" | "connection" | "invalid" | "not_found" | "rate_limited" | "unavailable" | "forbidden" | "internal";
export type EmbeddedResult<T> =
  { ok: true; data: T } | { ok: false; code: EmbeddedErrorCode; error: string; retryAfterSeconds?: number };

export type EmbeddedContext = { session: EmbeddedSession; ecwid: ConnectionContext<EcwidCredentials> };

export function embeddedAction<S extends z.ZodType, T>(
  options: { schema: S; name: string },
  handler: (input: z.output<S>, ctx: EmbeddedContext) => Promise<T>,
) {
  return async (sessionToken: string, raw: z.input<S>): Promise<EmbeddedResult<T>> => {
    let session: EmbeddedSession;
    try {
      session = await verifyEmbeddedSession(sessionToken);
    } catch (error) {
      const expired = error instanceof EmbeddedSessionError && error.reason === "expired";
      return {
        ok: false,
        code: "session",
        error: expired ? "The app session expired. Reopen the app." : "The app session is not valid. Reopen the app.",
      };
    }
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, code: "invalid", error: parsed.error.issues[0]?.message ?? "Please check the form." };

    const fresh = await freshCredentials<EcwidCredentials>(session.connectionId);
    if (!fresh.ok || fresh.context.connection.platform !== "ECWID" || fresh.context.connection.externalId !== session.storeId) {
      return {
        ok: false,
        code: "connection",
        error: "This store's connection to Storelink is not active. Reopen the app from the Ecwid Control Panel.",
      };
    }
    try {
      return { ok: true, data: await handler(parsed.data, { session, ecwid: fresh.context }) };
    } catch (error) {
      return failure(options.name, error);
    }
  };
}

/** Audit trail of a merchant's change made from the Control Panel page (the actor is the store). */
export async function auditEmbedded(
  ctx: EmbeddedContext,
  action: string,
  data: Record<string, string | number | boolean | null>,
) {
  await recordAudit({
    action: `ecwid.embedded.${action}`,
    actorEmail: `ecwid-store:${ctx.session.storeId}`,
    targetType: "connection",
    targetId: ctx.session.connectionId,
    data,
  });
}

function failure(name: string, error: unknown): EmbeddedResult<never> {
  if (error instanceof PlatformError) {
    switch (error.kind) {
      case "rate_limited":
        return {
          ok: false,
          code: "rate_limited",
          error: "Ecwid is limiting requests right now.",
          retryAfterSeconds: error.retryAfterSeconds,
        };
      case "not_found":
        return { ok: false, code: "not_found", error: "Ecwid could not find that item." };
      case "invalid":
      case "conflict":
        return { ok: false, code: "invalid", error: error.message };
      case "unauthorized":
      case "forbidden":
        return { ok: false, code: "forbidden", error: "Ecwid refused this change (the app may lack a permission)." };
      default:
        return { ok: false, code: "unavailable", error: "Ecwid could not be reached. Please try again." };
    }
  }
  console.error(`[embedded action ${name}]`, error instanceof Error ? error.message : "unknown error");
  return { ok: false, code: "internal", error: "Something went wrong on Storelink's side." };
}
