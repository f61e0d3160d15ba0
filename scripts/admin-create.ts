// npm run admin:create -- --email E [--role OWNER|ADMIN|VIEWER] [--password P]
// Creates the admin, or resets an existing one's password (and role, when given). Prints the password once.
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb, createPrismaClient } from "@/lib/db-client";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { clearEmailLimit } from "@/lib/auth/throttle";
import { databaseUrl } from "./db/url";
import { loadDemoEnv } from "./lib/script-env";

loadDemoEnv();
const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
});
const input = z
  .object({
    email: z.email({ error: "--email must be an email address" }).transform((e) => e.toLowerCase()),
    role: z.enum(["OWNER", "ADMIN", "VIEWER"], { error: "--role must be OWNER, ADMIN or VIEWER" }).optional(),
    password: z.string().min(12, "--password must be at least 12 characters").optional(),
    name: z.string().optional(),
  })
  .safeParse(values);
if (!input.success) {
  console.error(input.error.issues.map((i) => i.message).join("\n"));
  console.error("Usage: npm run admin:create -- --email you@example.com [--role OWNER|ADMIN|VIEWER]");
  process.exit(2);
}

const { email, role, name } = input.data;
const password = input.data.password ?? generatePassword();
const db = createPrismaClient(databaseUrl());
try {
  const passwordHash = await hashPassword(password);
  const existing = await db.user.findUnique({ where: { email } });
  const user = await db.user.upsert({
    where: { email },
    create: { email, name, passwordHash, role: role ?? "OWNER" },
    update: { passwordHash, active: true, ...(role && { role }) },
  });
  // A reset also lifts the per-email sign-in limit (an owner resetting a locked-out admin's password).
  await clearEmailLimit(db, email);
  await db.auditEvent.create({
    data: {
      action: existing ? "user.password_reset" : "user.created",
      actorEmail: "cli",
      targetType: "user",
      targetId: user.id,
      data: { role: user.role },
    },
  });
  // A password reset also ends the account's sessions: whoever knew the old password is signed out.
  const ended = existing ? await revokeUserSessions(db, user.id) : 0;
  console.log(
    `${existing ? "Reset" : "Created"} ${user.role} ${email}${ended ? ` (ended ${ended} session${ended === 1 ? "" : "s"})` : ""}`,
  );
  if (!input.data.password) console.log(`Password (shown once): ${password}`);
} finally {
  await closeDb(db);
}
