// The test environment, validated once: where the app and the sandboxes run, and the test accounts.
import { z } from "zod";

const schema = z.object({
  /** A deployed Storelink to test instead of the local build. */
  E2E_BASE_URL: z.url().optional(),
  /** The target's standalone unified-API server (`npm run start:api`); the local harness serves one on E2E_APP_PORT+1. */
  E2E_API_URL: z.url().optional(),
  /** The sandbox control API that target uses (default: the local sandbox the harness starts). */
  E2E_SANDBOX_URL: z.url().optional(),
  /** Must be "yes" to run destructive suites against a non-local target. */
  E2E_TARGET_IS_TEST_INSTANCE: z.enum(["yes", "no"]).default("no"),
  E2E_APP_PORT: z.coerce.number().int().default(3100),
  E2E_SANDBOX_PORT: z.coerce.number().int().default(4500),
  TEST_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional(),
  CHROMIUM_PATH: z.string().optional(),
  /** Retries per failed browser test (CI sets 1); a test that passes on a retry is listed as flaky, not hidden. */
  E2E_RETRIES: z.coerce.number().int().min(0).max(3).default(0),
  /** Benchmarks: synthetic connections the local harness adds to its fresh database (scripts/seed-connections.ts). */
  E2E_SEED_CONNECTIONS: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** Accounts on a remote target (the local harness creates its own). */
  E2E_PASSWORD: z.string().optional(),
  E2E_OWNER_EMAIL: z.email().optional(),
  E2E_ADMIN_EMAIL: z.email().optional(),
  E2E_VIEWER_EMAIL: z.email().optional(),
});

const parsed = schema.parse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v)));

export const testEnv = {
  ...parsed,
  local: !parsed.E2E_BASE_URL,
  appUrl: (parsed.E2E_BASE_URL ?? `http://127.0.0.1:${parsed.E2E_APP_PORT}`).replace(/\/+$/, ""),
  /** The standalone unified API, or undefined when a remote target does not name one (its API specs run once). */
  standaloneApiUrl: (
    parsed.E2E_API_URL ?? (parsed.E2E_BASE_URL ? undefined : `http://127.0.0.1:${parsed.E2E_APP_PORT + 1}`)
  )?.replace(/\/+$/, ""),
  // With E2E_SANDBOX_URL, the platforms listen on that host's next four ports (the sandbox's fixed layout).
  sandboxBasePort: parsed.E2E_SANDBOX_URL ? Number(new URL(parsed.E2E_SANDBOX_URL).port || 80) : parsed.E2E_SANDBOX_PORT,
  sandboxHost: parsed.E2E_SANDBOX_URL ? new URL(parsed.E2E_SANDBOX_URL).hostname : "127.0.0.1",
  sandboxControlUrl: (parsed.E2E_SANDBOX_URL ?? `http://127.0.0.1:${parsed.E2E_SANDBOX_PORT}`).replace(/\/+$/, ""),
};

/** Accounts the local harness creates on its throw-away database (a remote target names its own). */
export const TEST_PASSWORD = parsed.E2E_PASSWORD ?? "e2e-Storelink-password-1";
export const TEST_USERS = {
  owner: { email: parsed.E2E_OWNER_EMAIL ?? "owner@e2e.test", role: "OWNER" },
  admin: { email: parsed.E2E_ADMIN_EMAIL ?? "admin@e2e.test", role: "ADMIN" },
  viewer: { email: parsed.E2E_VIEWER_EMAIL ?? "viewer@e2e.test", role: "VIEWER" },
} as const;
export type TestUser = keyof typeof TEST_USERS;
export const storageStatePath = (user: TestUser) => `test-results/.auth/${parsed.E2E_APP_PORT}/${user}.json`;

/** The local harness's folder: its PGlite database and the secrets it generated. */
export const harnessDir = () => `.data/e2e-${parsed.E2E_APP_PORT}`;
/** Secrets the local harness generated (vault keys, AUTH_SECRET, app client secrets), for the leak crawl. */
export const harnessSecretsPath = () => `${harnessDir()}/harness-secrets.json`;
/** Everything the local harness's Storelink process printed (the at-rest leak scan reads it). */
export const harnessLogPath = () => `${harnessDir()}/storelink.log`;
