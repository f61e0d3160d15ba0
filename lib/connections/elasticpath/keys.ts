import "server-only";
import { PlatformError } from "@/lib/platforms/types";
import { listKeys } from "@/lib/platforms/elasticpath/api";
import { explainElasticPathError } from "./explain";
import { reshapeKeyList, type ApplicationKeyPage } from "@/lib/platforms/elasticpath/reshape";
import { withElasticPath } from "@/lib/connections/elasticpath/session";

export const KEYS_PER_PAGE = 25;

/** One page of a store's application keys for the keys page, or the reason it could not be read. */
export async function loadKeyPage(
  connectionId: string,
  page: number,
): Promise<{ ok: true; page: ApplicationKeyPage } | { ok: false; error: string }> {
  const offset = (page - 1) * KEYS_PER_PAGE;
  try {
    const list = await withElasticPath(connectionId, (auth) => listKeys(auth, offset, KEYS_PER_PAGE));
    return { ok: true, page: reshapeKeyList(list, offset, KEYS_PER_PAGE) };
  } catch (error) {
    if (error instanceof PlatformError) return { ok: false, error: explainElasticPathError(error, "list the application keys") };
    throw error;
  }
}
