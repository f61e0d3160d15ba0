"use server";

import { z } from "zod";
import { ConnectRefused, connectElasticPath } from "@/lib/connections/elasticpath/connect";
import { ActionError, adminAction } from "@/lib/actions/safe-action";

const schema = z.object({
  name: z.string().trim().min(1, "Give the store a name.").max(100),
  region: z.string().min(1, "Choose a region."),
  customBaseUrl: z.string().trim().max(300).optional(),
  clientId: z.string().trim().min(1, "Enter the client_id.").max(200),
  clientSecret: z.string().trim().min(1, "Enter the client_secret.").max(200),
});

/**
 * Connects an Elastic Path store for an admin: the key is verified before anything is saved, the same store
 * connected before is refused (the admin opens it instead), and the store's unified token is shown once.
 */
export const connectElasticPathStore = adminAction(
  { schema, role: "ADMIN", name: "elasticpath-connect-store" },
  async (input, actor) => {
    try {
      const result = await connectElasticPath(input, { actor, mintToken: true, attachExisting: false });
      return { connectionId: result.connectionId, displayName: result.displayName, unifiedToken: result.unifiedToken! };
    } catch (error) {
      if (error instanceof ConnectRefused) throw new ActionError(error.message);
      throw error;
    }
  },
);
