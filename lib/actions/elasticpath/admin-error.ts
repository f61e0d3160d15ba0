import "server-only";
import { explainElasticPathError } from "@/lib/connections/elasticpath/explain";
import { PlatformError } from "@/lib/platforms/types";
import { ActionError } from "../safe-action";

/** Runs `work`; a PlatformError becomes an ActionError whose message the admin sees. */
export async function asAdminError<T>(doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PlatformError) throw new ActionError(explainElasticPathError(error, doing));
    throw error;
  }
}
