"use server";

import { z } from "zod";
import { readCredentials } from "@/lib/connections/credentials";
import { findElasticPathConnection } from "@/lib/connections/elasticpath/connection";
import { asAdminError } from "./admin-error";
import { mintToken } from "@/lib/platforms/elasticpath/transport";
import type { EpCredentials } from "@/lib/platforms/elasticpath/types";
import { ActionError, adminAction } from "@/lib/actions/safe-action";

const schema = z.object({ connectionId: z.string().min(1) });

/**
 * An implicit (shopper, read-mostly) token for the storefront preview. Minted with the client_id alone:
 * the answer carries no client_secret and no client_credentials token, so it may go to the browser.
 */
export const createElasticPathImplicitToken = adminAction(
  { schema, role: "VIEWER", name: "elasticpath-implicit-token" },
  async ({ connectionId }) => {
    const connection = await findElasticPathConnection(connectionId);
    if (!connection || connection.status === "REVOKED")
      throw new ActionError("That Elastic Path connection no longer exists or was disconnected.");
    const credentials = await readCredentials<EpCredentials>(connection.id);
    if (!credentials) throw new ActionError("This connection has no stored credentials: reconnect the store.");
    const token = await asAdminError("get a preview token", () =>
      mintToken(connection.baseUrl, { type: "implicit", clientId: credentials.clientId }),
    );
    if (token.identifier !== "implicit")
      throw new ActionError("Elastic Path did not issue an implicit token; the preview will not run with anything else.");
    return { accessToken: token.access_token, expiresAt: token.expires * 1000, baseUrl: connection.baseUrl };
  },
);
