// The contract suite's environment, validated once (like e2e/support/test-env.ts): which targets the rows run
// against. With no credentials only the local sandboxes are targeted; each platform's real-target variables add
// a "real" run of that platform's rows.
import { z } from "zod";

const yesNo = z.enum(["yes", "no"]).default("no");

const schema = z
  .object({
    /** Base port of the local sandbox the suite starts (control +0, Ecwid "my" +1, Ecwid API +2, Elastic Path +3, OAuth2 +4). */
    CONTRACT_SANDBOX_PORT: z.coerce.number().int().min(1024).max(65000).default(4800),

    // Ecwid: a test store and (for the payload, OAuth and webhook rows) the app registered for it.
    CONTRACT_ECWID_STORE_ID: z.coerce.number().int().positive().optional(),
    CONTRACT_ECWID_SECRET_TOKEN: z.string().min(8).optional(),
    CONTRACT_ECWID_PUBLIC_TOKEN: z.string().min(8).optional(),
    CONTRACT_ECWID_CLIENT_ID: z.string().min(1).optional(),
    CONTRACT_ECWID_CLIENT_SECRET: z.string().min(16).optional(),
    /** A fresh authorization code (from the consent dialog) and the redirect_uri it was issued for: the token-exchange rows use it once. */
    CONTRACT_ECWID_OAUTH_CODE: z.string().min(1).optional(),
    CONTRACT_ECWID_REDIRECT_URI: z.url().optional(),
    /** A product and an order you created for the contract run (the write rows change them and put them back). */
    CONTRACT_ECWID_TEST_PRODUCT_ID: z.coerce.number().int().positive().optional(),
    CONTRACT_ECWID_TEST_ORDER_ID: z.string().min(1).optional(),
    CONTRACT_ECWID_API_URL: z.url().default("https://app.ecwid.com"),
    CONTRACT_ECWID_OAUTH_URL: z.url().default("https://my.ecwid.com"),
    /** The EcwidApp SDK script the current Ecwid docs link. */
    CONTRACT_ECWID_SDK_URL: z.url().default("https://djqizrxa6f10j.cloudfront.net/ecwid-sdk/js/1.3.0/ecwid-app.js"),

    // Elastic Path: a store's API base URL and one application key of it.
    CONTRACT_EP_BASE_URL: z.url().optional(),
    CONTRACT_EP_CLIENT_ID: z.string().min(1).optional(),
    CONTRACT_EP_CLIENT_SECRET: z.string().min(1).optional(),
    /** Channel / context tag a catalog rule of the store answers (the catalog rows send them). */
    CONTRACT_EP_CHANNEL: z.string().min(1).optional(),
    CONTRACT_EP_CONTEXT_TAG: z.string().min(1).optional(),

    /** Rows that create, change and remove things (each only what it created) run only with "yes". */
    CONTRACT_ALLOW_WRITES: yesNo,
    /** Rows that exhaust a rate limit (the token is throttled for up to a minute) run only with "yes". */
    CONTRACT_ALLOW_RATE_LIMIT: yesNo,
    /** The DELETE /application row uninstalls the app from the real store: only with "yes". */
    CONTRACT_ALLOW_UNINSTALL: yesNo,
    /** Rehearsal: the real-target variables point at a second sandbox, so its known fidelity gaps are expected. */
    CONTRACT_REAL_IS_SANDBOX: yesNo,
    /** "yes": rows with a known sandbox gap are not expected to fail (shows their messages; use after the fidelity merges). */
    CONTRACT_STRICT: yesNo,
  })
  .superRefine((v, ctx) => {
    const group = (name: string, vars: (keyof typeof v)[]) => {
      const set = vars.filter((k) => v[k] !== undefined);
      if (set.length > 0 && set.length < vars.length)
        ctx.addIssue({
          code: "custom",
          message: `${name}: set all of ${vars.join(", ")} (missing ${vars.filter((k) => v[k] === undefined).join(", ")})`,
        });
    };
    group("Ecwid real target", ["CONTRACT_ECWID_STORE_ID", "CONTRACT_ECWID_SECRET_TOKEN"]);
    group("Ecwid app", ["CONTRACT_ECWID_CLIENT_ID", "CONTRACT_ECWID_CLIENT_SECRET"]);
    group("Ecwid authorization code", ["CONTRACT_ECWID_OAUTH_CODE", "CONTRACT_ECWID_REDIRECT_URI"]);
    group("Elastic Path real target", ["CONTRACT_EP_BASE_URL", "CONTRACT_EP_CLIENT_ID", "CONTRACT_EP_CLIENT_SECRET"]);
  });

function load() {
  const r = schema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith("CONTRACT_") && v)));
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  - ${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`);
  throw new Error(
    `Contract suite environment is invalid:\n${lines.join("\n")}\nSee "Run the contract suite against a real store" in e2e/README.md.`,
  );
}

export const contractEnv = load();

const strip = (u: string) => u.replace(/\/+$/, "");

/** The local sandbox the suite starts itself. */
export const sandboxBase = contractEnv.CONTRACT_SANDBOX_PORT;
export const sandboxUrl = (offset: number) => `http://127.0.0.1:${sandboxBase + offset}`;
/** The stand-in "app" the sandbox delivers webhooks to and frames in its Control Panel (base+9, started by the suite). */
export const contractAppUrl = sandboxUrl(9);

export const realEcwid =
  contractEnv.CONTRACT_ECWID_STORE_ID !== undefined && contractEnv.CONTRACT_ECWID_SECRET_TOKEN !== undefined
    ? {
        apiUrl: strip(contractEnv.CONTRACT_ECWID_API_URL),
        oauthUrl: strip(contractEnv.CONTRACT_ECWID_OAUTH_URL),
        storeId: contractEnv.CONTRACT_ECWID_STORE_ID,
        secretToken: contractEnv.CONTRACT_ECWID_SECRET_TOKEN,
        publicToken: contractEnv.CONTRACT_ECWID_PUBLIC_TOKEN,
        clientId: contractEnv.CONTRACT_ECWID_CLIENT_ID,
        clientSecret: contractEnv.CONTRACT_ECWID_CLIENT_SECRET,
      }
    : undefined;

export const realElasticPath =
  contractEnv.CONTRACT_EP_BASE_URL && contractEnv.CONTRACT_EP_CLIENT_ID && contractEnv.CONTRACT_EP_CLIENT_SECRET
    ? {
        baseUrl: strip(contractEnv.CONTRACT_EP_BASE_URL),
        clientId: contractEnv.CONTRACT_EP_CLIENT_ID,
        clientSecret: contractEnv.CONTRACT_EP_CLIENT_SECRET,
      }
    : undefined;

export const anyRealTarget = realEcwid !== undefined || realElasticPath !== undefined;
export const writesAllowed = contractEnv.CONTRACT_ALLOW_WRITES === "yes";
