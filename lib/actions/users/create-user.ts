"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { ActionError, adminAction } from "@/lib/actions/safe-action";

const schema = z.object({
  email: z
    .email("Enter a valid email address.")
    .max(320)
    .transform((e) => e.toLowerCase()),
  role: z.enum(["OWNER", "ADMIN", "VIEWER"]),
});

/** Creates an admin account and returns its generated password, shown once to the owner who made it. */
export const createUser = adminAction({ schema, role: "OWNER", name: "create-user" }, async ({ email, role }, actor) => {
  if (await db.user.findUnique({ where: { email } })) throw new ActionError(`An account for ${email} already exists.`);
  const password = generatePassword();
  const user = await db.user.create({ data: { email, role, passwordHash: await hashPassword(password) } });
  await recordAudit({
    action: "user.created",
    actorId: actor.id,
    actorEmail: actor.email,
    targetType: "user",
    targetId: user.id,
    data: { email, role },
  });
  revalidatePath("/users");
  return { email, role, password };
});
