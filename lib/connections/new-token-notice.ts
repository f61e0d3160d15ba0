import "server-only";
import { openValue, sealValue } from "@/lib/security/signed-values";

// A unified token minted by a connect flow travels to the store's page in a sealed, httpOnly, 5-minute
// cookie and is shown there once: the proxy clears the cookie on the response that renders it
// (new-token-cookie.ts), so a reload never shows it again.

export { NEW_TOKEN_COOKIE, NEW_TOKEN_COOKIE_OPTIONS, NEW_TOKEN_HEADER } from "./new-token-cookie";

export const sealNewTokenNotice = (connectionId: string, token: string) =>
  sealValue("new-token", { connectionId, token }, 300_000);

export function openNewTokenNotice(value: string | undefined, connectionId: string): string | null {
  const notice = openValue<{ connectionId: string; token: string }>("new-token", value);
  return notice?.connectionId === connectionId ? notice.token : null;
}
