// Ecwid OAuth callback (both /callback and /callback/{nonce}): binds the callback to its flow (state, path
// nonce) or treats it as an App Market install, exchanges the code exactly once, saves, shows the result.
import type { NextRequest } from "next/server";
import { htmlPage } from "@/lib/http/html-page";
import { hasRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { currentUser } from "@/lib/auth/session";
import { completeEcwidInstall, OAuthCodeReplayError } from "@/lib/connections/ecwid/install";
import { ecwidAppConfig } from "@/lib/platforms/ecwid/oauth";
import { bindCallback, STATE_COOKIE, stateCookieOptions } from "@/lib/connections/ecwid/oauth-state";
import { PlatformError } from "@/lib/platforms/types";
import { backToConnectPage, finishConnectFlow } from "@/lib/apps/connect-flow";

const startAgain = { kind: "link", href: "/api/ecwid/oauth/start", text: "Start the installation again" } as const;

export async function handleEcwidCallback(request: NextRequest, pathNonce: string | null) {
  const params = request.nextUrl.searchParams;
  const response = await handle(request, params, pathNonce);
  // The nonce is single-use whatever happened: a reload can never exchange a code twice.
  response.headers.append("set-cookie", consumedCookie());
  return response;
}

async function handle(request: NextRequest, params: URLSearchParams, pathNonce: string | null): Promise<Response> {
  const app = ecwidAppConfig();
  if (!app) {
    return htmlPage({
      status: 503,
      tone: "error",
      title: "Ecwid is not configured",
      lead: "Set ECWID_CLIENT_ID and ECWID_CLIENT_SECRET in Storelink's environment, then install again.",
    });
  }
  const binding = bindCallback(request.cookies.get(STATE_COOKIE)?.value, params.get("state"), pathNonce);
  if (!binding) {
    return htmlPage({
      status: 400,
      tone: "error",
      title: "This installation link is not valid",
      lead: "The installation could not be verified: it was started in another browser, took longer than 10 minutes, or was already completed. Nothing was installed.",
      blocks: [startAgain],
    });
  }
  const connectSession = binding.connectSessionId;
  if (connectSession && (params.get("error") || !params.get("code"))) {
    return backToConnectPage(connectSession, params.get("error") === "access_denied" ? "denied" : "failed");
  }
  if (params.get("error") === "access_denied") {
    return htmlPage({
      status: 200,
      tone: "info",
      title: "Installation cancelled",
      lead: "You declined the installation in Ecwid, so Storelink was not connected to the store. You can install it at any time.",
      blocks: [startAgain],
    });
  }
  const code = params.get("code");
  if (params.get("error") || !code || code.length > 512) {
    return htmlPage({
      status: 400,
      tone: "error",
      title: "Ecwid did not complete the installation",
      lead: "Ecwid sent Storelink back without an authorization code. Nothing was installed.",
      blocks: [startAgain],
    });
  }

  const appMarket = binding.flow === "app_market";
  const user = await currentUser();
  // An App Market install was not started by whoever holds this browser: it never shows a unified token.
  // Nor does a connect session's: its app gets its own token at the exchange.
  const admin = !appMarket && !connectSession && user && hasRole(user.role, "ADMIN") ? { actorId: user.id } : null;
  try {
    const result = await completeEcwidInstall(app, code, admin, binding.redirectUri);
    if (connectSession) {
      await recordAudit({
        action: result.created ? "connection.connected" : "connection.reauthorized",
        actorEmail: "merchant",
        targetType: "connection",
        targetId: result.connectionId,
        data: { platform: "ECWID", store: result.storeName, connectSession },
      });
      return finishConnectFlow(request, connectSession, result.connectionId);
    }
    await recordAudit({
      action: result.created ? "connection.connected" : "connection.reauthorized",
      actorId: appMarket ? null : (user?.id ?? null),
      actorEmail: appMarket ? "ecwid-app-market" : (user?.email ?? "ecwid-install"),
      targetType: "connection",
      targetId: result.connectionId,
      data: { platform: "ECWID", store: result.storeName, via: appMarket ? "app_market" : "oauth" },
    });
    const nonce = request.headers.get("x-nonce");
    return htmlPage({
      status: 200,
      tone: "success",
      title: result.created ? "Store connected" : "Store re-authorized",
      lead: `${result.storeName} is ${result.created ? "now connected to" : "connected again to"} Storelink.`,
      nonce,
      blocks: [
        ...(result.unifiedToken
          ? [
              {
                kind: "secret" as const,
                label: "Unified access token",
                value: result.unifiedToken.token,
                hint: "Copy it now: it is shown only this once. Integrations use it as a Bearer token against Storelink's API.",
              },
            ]
          : [
              {
                kind: "p" as const,
                text: result.created
                  ? "Admins can create a unified access token for this store from the Storelink dashboard."
                  : "Existing unified access tokens of this store keep working.",
              },
            ]),
        ...(user
          ? [
              {
                kind: "link" as const,
                href: `/stores/${encodeURIComponent(result.connectionId)}`,
                text: "Open the store in Storelink",
              },
            ]
          : []),
      ],
    });
  } catch (error) {
    if (connectSession) {
      console.warn(
        `[ecwid oauth] connect session ${connectSession} failed: ${error instanceof Error ? error.name : "unknown error"}`,
      );
      return backToConnectPage(connectSession, "failed");
    }
    return failurePage(error);
  }
}

function failurePage(error: unknown): Response {
  if (error instanceof OAuthCodeReplayError) {
    return htmlPage({
      status: 400,
      tone: "error",
      title: "This installation link was already used",
      lead: "Ecwid's authorization code in this link was exchanged before, and Storelink never exchanges a code twice. Nothing was changed.",
      blocks: [startAgain],
    });
  }
  if (error instanceof PlatformError) {
    const unreachable = error.kind === "unavailable" || error.kind === "rate_limited";
    console.warn(`[ecwid oauth] install failed: ${error.kind} (${error.upstreamStatus ?? "no status"})`);
    return htmlPage({
      status: unreachable ? 503 : 502,
      tone: "error",
      title: "The installation did not finish",
      lead: unreachable
        ? "Storelink could not reach Ecwid to finish the installation. Nothing was stored; please try again in a moment."
        : `${error.message} Nothing was stored; please start the installation again.`,
      blocks: [startAgain],
    });
  }
  console.error("[ecwid oauth] install failed:", error instanceof Error ? error.message : "unknown error");
  return htmlPage({
    status: 500,
    tone: "error",
    title: "The installation did not finish",
    lead: "Something went wrong on Storelink's side. Nothing was stored; please try again.",
    blocks: [startAgain],
  });
}

function consumedCookie(): string {
  const o = stateCookieOptions(0);
  return `${STATE_COOKIE}=; Path=${o.path}; Max-Age=0; HttpOnly; SameSite=Lax${o.secure ? "; Secure" : ""}`;
}
