import "server-only";
import { z } from "zod";
import { hasRole, roleLabel, type Role } from "@/lib/auth/roles";
import { currentUser, type SessionUser } from "@/lib/auth/session";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** An error whose message is safe and useful to show the admin. Anything else becomes a generic message. */
export class ActionError extends Error {
  override name = "ActionError";
}

/**
 * Every admin server action is built from this: parse input with zod → check the session and role →
 * run → return a small typed result. Thrown errors never reach the browser with internals.
 */
export function adminAction<S extends z.ZodType, T>(
  options: { schema: S; role: Role; name: string },
  handler: (input: z.output<S>, user: SessionUser) => Promise<T>,
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      return {
        ok: false,
        error: "Please correct the highlighted fields.",
        fieldErrors: flat.fieldErrors as Record<string, string[]>,
      };
    }
    const user = await currentUser();
    if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
    if (!hasRole(user.role, options.role)) {
      return {
        ok: false,
        error: `Your role (${roleLabel[user.role]}) can view this page but not change it. Ask an owner for the ${roleLabel[options.role]} role.`,
      };
    }
    try {
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, error: error.message };
      console.error(`[action ${options.name}]`, error instanceof Error ? error.message : error);
      return {
        ok: false,
        error: "Something went wrong on our side; please try again. If it keeps failing, check the server log.",
      };
    }
  };
}
