import "server-only";
import * as React from "react";

type Taint = (message: string, lifetime: object, value: string) => void;

// React's taint API exists only in the server build of React (what Next.js uses for server components,
// actions and route handlers). Scripts and unit tests run the client build, where it is absent.
const taintUniqueValue = (React as unknown as { experimental_taintUniqueValue?: Taint }).experimental_taintUniqueValue;

// Credential fields that are secret. Identifiers stored beside them (an Elastic Path clientId, an Ecwid
// store id) are public and may be shown, so they are not tainted.
const SECRET_FIELD = /secret|token|password|key$/i;

/**
 * Marks every secret string inside decrypted credentials as tainted for the credentials object's lifetime,
 * so passing one to a client component throws instead of sending a secret to the browser.
 */
export function taintSecrets<T>(credentials: T): T {
  if (!taintUniqueValue || !credentials || typeof credentials !== "object") return credentials;
  for (const [field, value] of Object.entries(credentials)) {
    if (SECRET_FIELD.test(field) && typeof value === "string" && value.length >= 8) {
      taintUniqueValue("A platform secret must not be passed to the browser.", credentials as object, value);
    }
  }
  return credentials;
}
