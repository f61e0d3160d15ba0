import "server-only";
import { PlatformError } from "@/lib/platforms/types";

// What an admin reads when an Elastic Path call fails: the cause and what to do, never internals.

export const IN_USE_MESSAGE =
  "This is the key Storelink itself uses for this store: deleting it would disconnect the store. Use “Rotate connection credentials” to move Storelink to a new key; rotation deletes this one afterwards.";

const RESERVATION_LIMIT =
  "Elastic Path refused: the reserved rate limits of all keys together would exceed the store's maximum. Lower this reservation, or another key's, and try again (changes can take up to an hour to apply at Elastic Path).";

export function explainElasticPathError(error: PlatformError, doing: string): string {
  switch (error.kind) {
    case "unauthorized":
      return `Could not ${doing}: Elastic Path rejected Storelink's credentials for this store. Reconnect it or rotate its credentials.`;
    case "forbidden":
      return `Could not ${doing}: this key is not allowed to do that at Elastic Path (it needs a client_credentials token).`;
    case "not_found":
      return `Could not ${doing}: Elastic Path has no such key (it may have been deleted meanwhile). Reload the page.`;
    case "conflict":
      return RESERVATION_LIMIT;
    case "rate_limited":
      return `Could not ${doing}: Elastic Path is rate limiting this store. Try again in ${error.retryAfterSeconds ?? "a few"} seconds.`;
    case "unavailable":
      return `Could not ${doing}: Elastic Path is unavailable (${error.message}). Nothing was changed; try again shortly.`;
    default:
      return `Could not ${doing}: ${error.message}`;
  }
}
