import { problemSchema } from "../schemas";
import type { z } from "@hono/zod-openapi";

// The responses every route documents: the success body, and the problems any call may meet.

export const json = <S extends z.ZodType>(schema: S, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});
export const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

export const common = {
  401: problem("Missing, malformed or revoked unified token"),
  409: problem("The store must re-authorize (the problem carries reauthorizeUrl)"),
  429: problem("Rate limited: by this token's budget, or upstream by the platform (Retry-After)"),
  503: problem("The platform, or Storelink's database, is briefly unavailable (Retry-After)"),
};

export const writes = {
  403: problem("A read-only token (scope `read`), or the platform refused the change"),
  501: problem("The store's platform cannot do this"),
};

/** `x-required-scope` on every operation, so clients can see which token scope it needs. */
export const readScope = { "x-required-scope": "read" } as const;
export const writeScope = { "x-required-scope": "read_write" } as const;
