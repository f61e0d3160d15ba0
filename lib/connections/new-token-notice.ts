import "server-only";
import { openValue, sealValue } from "./signed-value";

// A unified token minted by a connect flow travels to the store's page in a sealed, httpOnly, 5-minute
// cookie and is shown there once; the page's dialog clears the cookie when it opens.

export const NEW_TOKEN_COOKIE = "storelink_new_token";
export const NEW_TOKEN_COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax" as const, path: "/stores", maxAge: 300 };

export const sealNewTokenNotice = (connectionId: string, token: string) => sealValue("new-token", { connectionId, token }, 300_000);

export function openNewTokenNotice(value: string | undefined, connectionId: string): string | null {
  const notice = openValue<{ connectionId: string; token: string }>("new-token", value);
  return notice?.connectionId === connectionId ? notice.token : null;
}
