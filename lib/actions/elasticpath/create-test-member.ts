"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { findElasticPathConnection } from "@/lib/connections/elasticpath/connection";
import { createTestAccountMember } from "@/lib/connections/elasticpath/shoppers";
import { PlatformError } from "@/lib/platforms/types";
import { ActionError, adminAction } from "@/lib/actions/safe-action";
import { asAdminError } from "./admin-error";

const schema = z
  .object({
    connectionId: z.string().min(1),
    name: z.string().trim().min(1, "Give the member a name.").max(255),
    email: z.email("Enter an email address.").max(255),
    username: z.string().trim().min(1, "Choose a username.").max(255),
    password: z.string().min(8, "At least 8 characters.").max(200),
    passwordProfileId: z.string().min(1, "Choose a password profile."),
    accountId: z.string().max(255).default(""),
    newAccountName: z.string().trim().max(255).default(""),
  })
  .refine((v) => (v.accountId === "") !== (v.newAccountName === ""), {
    message: "Choose an account, or name a new one.",
    path: ["newAccountName"],
  });

/**
 * Creates an account member with a password in one account (an existing one or a new one), so an admin can
 * sign in as them in the storefront preview. Storelink keeps neither the password nor any shopper token; the
 * audit row names the member's email, username and account only.
 */
export const createElasticPathTestMember = adminAction(
  { schema, role: "ADMIN", name: "elasticpath-create-test-member" },
  async (input, actor) => {
    const connection = await findElasticPathConnection(input.connectionId);
    if (!connection || connection.status === "REVOKED")
      throw new ActionError("That Elastic Path connection no longer exists or was disconnected.");
    const created = await asAdminError("create the account member", async () => {
      try {
        return await createTestAccountMember(connection.id, {
          name: input.name,
          email: input.email,
          username: input.username,
          password: input.password,
          passwordProfileId: input.passwordProfileId,
          account: input.accountId ? { id: input.accountId } : { newName: input.newAccountName },
        });
      } catch (error) {
        if (error instanceof PlatformError && error.kind === "not_found")
          throw new ActionError("Elastic Path no longer has that account or password profile. Reload the page and try again.");
        throw error;
      }
    });
    if (created === "conflict")
      throw new ActionError(`The username ${input.username} is already taken in that password profile. Nothing was created.`);
    if (created === "no-realm")
      throw new ActionError("This store has no account authentication realm, so account members cannot sign in with a password.");
    await recordAudit({
      action: "elasticpath.account_member.created",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "connection",
      targetId: connection.id,
      data: { memberId: created.memberId, email: input.email, username: input.username, accountId: created.accountId },
    });
    return { memberId: created.memberId };
  },
);
