import type { z } from "zod";
import { ApiError } from "./errors";

// Input helpers for the routes: zod failures become 422 problems listing each field, bodies are capped
// and read once (the handler may run twice after a forced renewal), and outputs go through their schema.

export const MAX_JSON_BYTES = 100_000;

export function validationProblem(issues: readonly z.core.$ZodIssue[]): ApiError {
  return new ApiError("validation_failed", "The request does not match the schema.", {
    fields: { errors: issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  });
}

/** Parses input with a zod schema; failures are 422 problems listing each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationProblem(result.error.issues);
}

/** What readJson needs of a Hono context (its request reads the body once and keeps it). */
type BodySource = { req: { header(name: string): string | undefined; text(): Promise<string> } };

/** The request body as JSON: 413 past 100 kB, 400 when it is not JSON. */
export async function readJson(c: BodySource): Promise<unknown> {
  const declared = Number(c.req.header("content-length"));
  if (Number.isFinite(declared) && declared > MAX_JSON_BYTES)
    throw new ApiError("payload_too_large", "The JSON body must be under 100 kB.");
  const text = await c.req.text();
  if (text.length > MAX_JSON_BYTES) throw new ApiError("payload_too_large", "The JSON body must be under 100 kB.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_request", "The body must be JSON.");
  }
}

/** Output through its schema: only declared fields leave. */
export const output = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => schema.parse(value);
