// How a connect or re-authorize attempt failed, as a code that travels in a redirect URL. The pages that
// show it map the code to Storelink's own words, so a crafted link can never put its text on our pages.

export const CONNECT_FAILURES = {
  not_configured: "The OAuth2 provider is not configured on this Storelink.",
  link_expired: "This sign-in link expired or was not started here. Start connecting again.",
  declined: "The store owner declined the authorization.",
  provider_error: "The provider refused the authorization. Start connecting again.",
  no_code: "The provider did not send an authorization code. Start connecting again.",
  exchange_failed: "The authorization code could not be exchanged with the provider. Start connecting again.",
  connection_gone: "The connection to re-authorize no longer exists.",
  wrong_shop:
    "This link re-authorizes a different shop than the one the provider signed in to. Choose the right shop and try again.",
  failed: "Connecting did not finish. Please start again.",
} as const;

export type ConnectFailure = keyof typeof CONNECT_FAILURES;

export function isConnectFailure(code: unknown): code is ConnectFailure {
  return typeof code === "string" && Object.hasOwn(CONNECT_FAILURES, code);
}

/** Storelink's text for a failure code; anything else (free text, an unknown code) gets the generic one. */
export function connectFailureText(code: unknown): string {
  return CONNECT_FAILURES[isConnectFailure(code) ? code : "failed"];
}
