import "server-only";
import { z } from "zod";

// Every environment variable Storelink reads, validated once. Nothing else reads process.env.
// A missing or malformed variable stops start-up with a message that names it and says what to set.

const vaultKeyRing = z
  .string({ error: "set it to a key ring `id:base64key,…` of 32-byte keys, newest first (npm run demo makes one)" })
  .transform((raw, ctx) => {
    const keys = raw
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const [id, b64] = entry.split(":");
        const key = Buffer.from(b64 ?? "", "base64");
        if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
          ctx.addIssue({
            code: "custom",
            message: `entry "${id ?? ""}:…" must be id:base64 where id is 1–32 of [A-Za-z0-9_-] and the key decodes to 32 bytes`,
          });
        }
        return { id: id ?? "", key };
      });
    if (keys.length === 0) ctx.addIssue({ code: "custom", message: "needs at least one key" });
    if (new Set(keys.map((k) => k.id)).size !== keys.length) ctx.addIssue({ code: "custom", message: "key ids must be unique" });
    return keys;
  });

const namedUrls = z.string().transform((raw, ctx) =>
  raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf("=");
      const name = entry.slice(0, at);
      const url = entry.slice(at + 1);
      if (at < 1 || !URL.canParse(url)) ctx.addIssue({ code: "custom", message: `"${entry}" must be name=https://host` });
      return { name, url: url.replace(/\/+$/, "") };
    }),
);

const origins = z.string().transform((raw, ctx) =>
  raw
    .split(/[ ,]+/)
    .filter(Boolean)
    .map((origin) => {
      if (!URL.canParse(origin) || new URL(origin).origin !== origin.replace(/\/+$/, "")) {
        ctx.addIssue({ code: "custom", message: `"${origin}" must be an origin like https://my.ecwid.com` });
      }
      return origin.replace(/\/+$/, "");
    }),
);

/** `host` or `host:port` entries (IPv6 in brackets, or bare without a port), comma separated. */
const hostList = z.string().transform((raw, ctx) =>
  raw
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .map((entry) => {
      const valid = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::\d{1,5})?$/.test(entry) || /^[0-9a-f:.]*:[0-9a-f:.]*$/.test(entry);
      if (!valid)
        ctx.addIssue({
          code: "custom",
          message: `"${entry}" must be a host name or address, optionally with :port (IPv6 as [::1]:443)`,
        });
      return entry;
    }),
);

const baseUrl = z.url({ error: "must be an absolute http(s) URL" }).transform((u) => u.replace(/\/+$/, ""));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(pglite:.+|postgres(ql)?:\/\/.+)$/, "must be pglite:DIR or postgresql://user@host:port/db")
    .default("pglite:./.data/db"),
  AUTH_SECRET: z
    .string({ error: "set it to a random string of 32+ characters (npm run demo makes one)" })
    .min(32, "must be at least 32 characters"),
  AUTH_URL: z.url().optional(),
  STORELINK_VAULT_KEYS: vaultKeyRing,
  APP_URL: baseUrl.default("http://localhost:3000"),
  ECWID_CLIENT_ID: z.string().min(1).optional(),
  ECWID_CLIENT_SECRET: z.string().min(16, "must be the app's client_secret (16+ characters)").optional(),
  ECWID_SCOPES: z
    .string()
    .default(
      "read_store_profile update_store_profile read_catalog update_catalog read_orders update_orders public_storefront add_to_cp",
    )
    .transform((s) => s.split(/[ ,]+/).filter(Boolean)),
  ECWID_OAUTH_BASE_URL: baseUrl.default("https://my.ecwid.com"),
  ECWID_API_BASE_URL: baseUrl.default("https://app.ecwid.com"),
  ECWID_CP_ORIGINS: origins.prefault("https://my.ecwid.com"),
  ELASTICPATH_BASE_URLS: namedUrls.prefault(
    "useast=https://useast.api.elasticpath.com,euwest=https://euwest.api.elasticpath.com",
  ),
  /** Generic OAuth2 provider (refresh-token platforms); unset means not offered. */
  OAUTH2_PROVIDER_URL: baseUrl.optional(),
  OAUTH2_CLIENT_ID: z.string().min(1).optional(),
  OAUTH2_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * How many proxies in front of Storelink append to X-Forwarded-For. 0: no proxy, the client address is
   * the socket's (Next passes a client's own X-Forwarded-For on unchanged, so it is never believed).
   */
  TRUSTED_PROXY_HOPS: z.coerce
    .number({ error: "must be a whole number of proxy hops (0 with no proxy in front)" })
    .int("must be a whole number of proxy hops (0 with no proxy in front)")
    .min(0)
    .max(10)
    .default(0),
  /**
   * Sign-in attempts per client address per day from browsers that never signed in as that email (then the
   * address waits a day). Raise it where many people share one address (an office NAT, a test suite).
   */
  SIGN_IN_ADDRESS_LIMIT: z.coerce
    .number({ error: "must be a whole number of attempts per day" })
    .int("must be a whole number of attempts per day")
    .min(10)
    .max(100_000)
    .default(100),
  /**
   * Hosts that admin-entered platform URLs (an Elastic Path custom base URL) may name although they are on
   * private or loopback addresses, or plain http: the sandboxes in the demo and the tests. Unset: none.
   */
  STORELINK_ALLOW_PRIVATE_HOSTS: hostList.prefault(""),
  /** Runs the lifecycle scheduler in this process (default on; tests turn it off for determinism). */
  STORELINK_SCHEDULER: z.enum(["on", "off"]).default("on"),
  /** Delivers apps' outbound webhooks from the outbox in this process (every instance may: claims are SKIP LOCKED). */
  STORELINK_WEBHOOKS: z.enum(["on", "off"]).default("on"),
  /** First retry delay of a failed webhook delivery; each next one doubles (with jitter) for up to 3 days. */
  STORELINK_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** Shared counters (unified-token rate limits across instances); unset: per-process limits. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, "must be redis://host:port (or rediss://)")
    .optional(),
  /** Port of the standalone unified-API server (`npm run start:api`, or STORELINK_API_SERVER=on). */
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** Also serve the unified API on API_PORT from the Next process (one-process deployments on PGlite, the demo). */
  STORELINK_API_SERVER: z.enum(["on", "off"]).default("off"),
});

export type Env = z.output<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, as shells and .env files often produce them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  throw new EnvError(`Storelink cannot start: fix these environment variables.\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment; parsed on first use (start-up calls it from instrumentation.ts). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Lazily validated so `next build` can import modules without the runtime secrets present. */
export const env: Env = new Proxy({} as Env, {
  get: (_target, key) => getEnv()[key as keyof Env],
});
