"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { pruneApiRequests } from "@/lib/requests/prune";
import {
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  RETENTION_AUDIT_ACTION,
  retentionCutoff,
  retentionDays,
} from "@/lib/requests/retention";
import { adminAction } from "@/lib/actions/safe-action";

const schema = z.object({
  days: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(MIN_RETENTION_DAYS, `Keep at least ${MIN_RETENTION_DAYS} day.`)
    .max(MAX_RETENTION_DAYS, `Keep at most ${MAX_RETENTION_DAYS} days.`),
});

/** Sets how long the API request log is kept (stored as an audit event, see lib/settings/retention.ts) and prunes now. */
export const updateRetention = adminAction({ schema, role: "ADMIN", name: "update-retention" }, async ({ days }, actor) => {
  const previous = await retentionDays();
  await recordAudit({
    action: RETENTION_AUDIT_ACTION,
    actorId: actor.id,
    actorEmail: actor.email,
    targetType: "settings",
    targetId: "api_request_retention",
    data: { days, previous },
  });
  const pruned = await pruneApiRequests(retentionCutoff(days));
  revalidatePath("/requests");
  return { days, pruned };
});
