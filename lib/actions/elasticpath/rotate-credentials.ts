"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { recordConnectionEvent, type ConnectionEventType } from "@/lib/connections/events";
import { createKey, deleteKey, getKey, listKeys, updateKey } from "@/lib/platforms/elasticpath/api";
import { findElasticPathConnection, switchConnectionKey, verifyKey } from "@/lib/connections/elasticpath/connection";
import type { EpApplicationKey } from "@/lib/platforms/elasticpath/types";
import { withElasticPath } from "@/lib/connections/elasticpath/session";
import { ActionError, adminAction } from "@/lib/actions/safe-action";

const schema = z.object({ connectionId: z.string().min(1) });

type Step = { step: "create" | "verify" | "switch" | "delete_old" | "reservation"; ok: boolean; message: string };

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Moves the connection to a brand-new application key: create → verify (mint a token) → switch the vault
 * → delete the old key → carry the old reservation over. Until the switch, any failure leaves the connection
 * on its old key (the half-made new key is deleted again); after it, the connection runs on the verified new
 * key and the page says what is left to do. Every step lands on the timeline.
 */
export const rotateElasticPathCredentials = adminAction(
  { schema, role: "ADMIN", name: "elasticpath-rotate-credentials" },
  async ({ connectionId }, actor) => {
    const connection = await findElasticPathConnection(connectionId);
    if (!connection) throw new ActionError("That Elastic Path connection no longer exists.");
    const steps: Step[] = [];
    const note = async (step: Step, type: ConnectionEventType) => {
      steps.push(step);
      await recordConnectionEvent(connection.id, type, `Rotation – ${step.message}`, { actorId: actor.id });
    };
    const finish = async (outcome: "rotated" | "failed" | "rotated_with_warnings") => {
      await recordAudit({
        action: "elasticpath.credentials.rotated",
        actorId: actor.id,
        actorEmail: actor.email,
        targetType: "connection",
        targetId: connection.id,
        data: { outcome, steps },
      });
      return { outcome, steps };
    };

    // 1. Create the new key (no reservation yet: the old one still holds it, and the sum is capped).
    let oldKey: EpApplicationKey | null = null;
    let created: EpApplicationKey;
    try {
      created = await withElasticPath(connection.id, async (auth, ctx) => {
        oldKey = connection.keyId
          ? ((await getKey(auth, connection.keyId).catch(() => null))?.data ?? null)
          : ((await listKeys(auth, 0, 100)).data.find((k) => k.client_id === ctx.credentials.clientId) ?? null);
        const date = new Date().toISOString().slice(0, 10);
        return (await createKey(auth, { name: `${oldKey?.name ?? "Storelink"} (rotated ${date})`.slice(0, 255) })).data;
      });
    } catch (error) {
      await note(
        {
          step: "create",
          ok: false,
          message: `creating the new key failed: ${why(error)}. The connection keeps its current key.`,
        },
        "credentials_rotation_failed",
      );
      return finish("failed");
    }
    await note({ step: "create", ok: true, message: `new key "${created.name}" created (${created.id})` }, "key_created");
    const removeNewKey = () =>
      withElasticPath(connection.id, (auth) => deleteKey(auth, created.id)).then(
        () => "the new key was deleted again",
        (e) => `the new key ${created.id} could not be deleted (${why(e)}); delete it from the list`,
      );

    // 2. Verify: the new key must mint a token before the connection depends on it.
    let verified: Awaited<ReturnType<typeof verifyKey>>;
    try {
      if (!created.client_secret) throw new Error("Elastic Path sent no client_secret for the new key");
      verified = await verifyKey(connection.baseUrl, created.client_id, created.client_secret);
    } catch (error) {
      await note(
        {
          step: "verify",
          ok: false,
          message: `the new key could not be verified: ${why(error)}; ${await removeNewKey()}. The connection keeps its current key.`,
        },
        "credentials_rotation_failed",
      );
      return finish("failed");
    }
    await note(
      { step: "verify", ok: true, message: "new key verified (a client_credentials token was minted with it)" },
      "health_checked",
    );

    // 3. Switch the vault to the new key.
    try {
      await switchConnectionKey(connection, created.id, verified);
    } catch (error) {
      await note(
        {
          step: "switch",
          ok: false,
          message: `switching the connection failed: ${why(error)}; ${await removeNewKey()}. The connection keeps its current key.`,
        },
        "credentials_rotation_failed",
      );
      return finish("failed");
    }
    await note({ step: "switch", ok: true, message: `connection switched to key ${created.id}` }, "credentials_rotated");

    // 4. Delete the old key with the new key's token; 5. give the new key the old reservation.
    const auth = { baseUrl: connection.baseUrl, token: verified.credentials.accessToken };
    const old = oldKey as EpApplicationKey | null;
    let warnings = false;
    if (!old) {
      warnings = true;
      await note(
        {
          step: "delete_old",
          ok: false,
          message:
            "the previous key could not be identified, so it was not deleted; delete it from the list if it is no longer needed",
        },
        "credentials_rotation_failed",
      );
    } else {
      try {
        await deleteKey(auth, old.id);
        await note({ step: "delete_old", ok: true, message: `old key "${old.name}" deleted (${old.id})` }, "key_deleted");
      } catch (error) {
        warnings = true;
        await note(
          {
            step: "delete_old",
            ok: false,
            message: `the connection works on the new key, but deleting the old key "${old.name}" (${old.id}) failed: ${why(error)}. Delete it from the list.`,
          },
          "credentials_rotation_failed",
        );
      }
      if (!warnings && old.reserved_rate_limit > 0) {
        try {
          await updateKey(auth, created.id, { reservedRateLimit: old.reserved_rate_limit });
          await note(
            { step: "reservation", ok: true, message: `reserved rate limit of ${old.reserved_rate_limit} rps carried over` },
            "key_updated",
          );
        } catch (error) {
          warnings = true;
          await note(
            {
              step: "reservation",
              ok: false,
              message: `carrying over the reserved rate limit (${old.reserved_rate_limit} rps) failed: ${why(error)}. Set it on the new key.`,
            },
            "credentials_rotation_failed",
          );
        }
      }
    }
    return finish(warnings ? "rotated_with_warnings" : "rotated");
  },
);
