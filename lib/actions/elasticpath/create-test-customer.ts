"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { findElasticPathConnection } from "@/lib/connections/elasticpath/connection";
import { createTestCustomer } from "@/lib/connections/elasticpath/shoppers";
import { ActionError, adminAction } from "@/lib/actions/safe-action";
import { asAdminError } from "./admin-error";

const schema = z.object({
  connectionId: z.string().min(1),
  name: z.string().trim().min(1, "Give the customer a name.").max(255),
  email: z.email("Enter an email address.").max(255),
  password: z.string().min(8, "At least 8 characters.").max(200),
});

/**
 * Creates a customer with a password at Elastic Path so an admin can sign in as them in the storefront
 * preview. Storelink keeps neither the password nor any shopper token; the audit row names the email only.
 */
export const createElasticPathTestCustomer = adminAction(
  { schema, role: "ADMIN", name: "elasticpath-create-test-customer" },
  async (input, actor) => {
    const connection = await findElasticPathConnection(input.connectionId);
    if (!connection || connection.status === "REVOKED")
      throw new ActionError("That Elastic Path connection no longer exists or was disconnected.");
    const created = await asAdminError("create the customer", () =>
      createTestCustomer(connection.id, { name: input.name, email: input.email, password: input.password }),
    );
    if (created === "conflict") throw new ActionError(`Elastic Path already has a customer with the email ${input.email}.`);
    await recordAudit({
      action: "elasticpath.customer.created",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "connection",
      targetId: connection.id,
      data: { customerId: created.id, email: created.email },
    });
    return { customer: created };
  },
);
