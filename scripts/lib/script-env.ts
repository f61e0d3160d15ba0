// Scripts run outside Next.js. They read the demo's generated secrets (.data/demo.env) when the caller
// has not set the variables, so `npm run admin:create` and `npm run vault:rotate` work on a demo install.
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const DEMO_ENV_FILE = resolve(".data/demo.env");

export function loadDemoEnv(): void {
  // process.loadEnvFile never overrides variables that are already set.
  if (existsSync(DEMO_ENV_FILE)) process.loadEnvFile(DEMO_ENV_FILE);
}
