// The import layers of ARCHITECTURE.md, checked on every lint: an import that runs against the arrows
// (app → actions/api → connections/apps → platforms, vault, db → env) fails `npm run lint`.
// Each layer lists what it may import (besides itself); anything else in the tree is refused.
import boundaries from "eslint-plugin-boundaries";

// Folders are elements; single-file modules are classified as files (element patterns match folders).
const FOLDERS = {
  app: "app/**",
  components: "components/**",
  actions: "lib/actions/**",
  api: "lib/api/**",
  jobs: "lib/jobs/**",
  apps: "lib/apps/**",
  connections: "lib/connections/**",
  auth: "lib/auth/**",
  requests: "lib/requests/**",
  audit: "lib/audit/**",
  platforms: "lib/platforms/**",
  vault: "lib/vault/**",
  security: "lib/security/**",
  http: "lib/http/**",
  embedded: "lib/embedded/**",
};
const FILES = {
  entry: ["proxy.ts", "instrumentation.ts"],
  instance: ["lib/instance.ts", "lib/startup.ts"],
  db: ["lib/db.ts", "lib/db-client.ts", "lib/db-errors.ts", "lib/db-broadcast.ts", "lib/pglite.ts", "lib/read-cache.ts"],
  env: ["lib/env.ts"],
};

const DOMAIN = ["connections", "apps", "auth", "requests", "audit", "platforms", "security", "http", "embedded"];
const MAY_IMPORT = {
  env: [],
  db: ["env"],
  vault: ["env"],
  security: ["env"],
  platforms: ["env"],
  embedded: ["platforms"],
  http: ["security", "env"],
  audit: ["db", "env", "security"],
  requests: ["audit", "db", "env", "security"],
  auth: ["audit", "security", "http", "db", "env"],
  instance: ["vault", "db", "env"],
  connections: ["auth", "audit", "requests", "platforms", "vault", "security", "http", "embedded", "db", "env"],
  apps: ["connections", "auth", "audit", "requests", "platforms", "vault", "security", "http", "db", "env"],
  api: ["apps", "connections", "auth", "audit", "requests", "platforms", "vault", "security", "http", "db", "env"],
  actions: [
    "apps",
    "connections",
    "auth",
    "audit",
    "requests",
    "platforms",
    "security",
    "http",
    "embedded",
    "instance",
    "db",
    "env",
  ],
  jobs: ["api", "apps", "connections", "auth", "audit", "requests", "db", "env"],
  // React holds no secrets and no database: the vault, the client and the API's internals stay out.
  components: ["actions", ...DOMAIN, "env"],
  // Pages and routes call functions in lib; they never hold the database client or the vault's objects.
  app: ["components", "actions", "api", "jobs", ...DOMAIN, "instance", "env"],
  entry: ["app", "api", "jobs", "connections", "security", "http", "auth", "instance", "env"],
};

const isFile = (layer) => layer in FILES;
const target = (layers) => {
  const folders = layers.filter((l) => !isFile(l));
  const files = layers.filter(isFile);
  return [
    ...(folders.length ? [{ element: { types: { anyOf: folders } } }] : []),
    ...(files.length ? [{ file: { categories: { anyOf: files } } }] : []),
  ];
};
const source = (layer) => (isFile(layer) ? { file: { categories: layer } } : { element: { type: layer } });
const ALL = [...Object.keys(FOLDERS), ...Object.keys(FILES)];

// Type-only imports that do not run: the vault's key rotation is handed a database client and names its type.
const TYPES_ONLY = { vault: ["db"] };

const policies = Object.entries(MAY_IMPORT).flatMap(([layer, allowed]) => {
  const typesOnly = TYPES_ONLY[layer] ?? [];
  const refused = ALL.filter((l) => l !== layer && !allowed.includes(l) && !typesOnly.includes(l));
  return [
    ...target(refused).map((to) => ({ from: source(layer), disallow: { to } })),
    ...target(typesOnly).map((to) => ({ from: source(layer), disallow: { to, dependency: { kind: "value" } } })),
  ];
});

export const layerBoundaries = {
  files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts"],
  ignores: ["**/*.test.ts"],
  plugins: { boundaries },
  settings: {
    "boundaries/elements": Object.entries(FOLDERS).map(([type, pattern]) => ({ type, pattern })),
    "boundaries/files": Object.entries(FILES).map(([category, pattern]) => ({ category, pattern })),
    "import/resolver": { typescript: { alwaysTryTypes: true } },
  },
  rules: {
    "boundaries/dependencies": ["error", { default: "allow", policies }],
  },
};
