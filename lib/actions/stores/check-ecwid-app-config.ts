"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { checkEcwidConfig } from "@/lib/connections/ecwid/app-check";
import { adminAction } from "@/lib/actions/safe-action";

/** Runs the Ecwid app configuration check; the findings hold explanations, never the client secret. */
export const checkEcwidAppConfig = adminAction(
  { schema: z.object({}), role: "ADMIN", name: "check-ecwid-config" },
  async (_input, actor) => {
    const findings = await checkEcwidConfig({
      clientId: env.ECWID_CLIENT_ID,
      clientSecret: env.ECWID_CLIENT_SECRET,
      oauthBaseUrl: env.ECWID_OAUTH_BASE_URL,
      appUrl: env.APP_URL,
      scopes: env.ECWID_SCOPES,
    });
    await recordAudit({
      action: "settings.ecwid_checked",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "settings",
      targetId: "ecwid",
      data: Object.fromEntries(findings.map((f) => [f.id, f.status])),
    });
    return { findings, checkedAt: new Date().toISOString() };
  },
);
