// `npm run screenshots`: builds and starts the app and the sandboxes on their own ports (the e2e harness),
// then runs e2e/screenshots.spec.ts, which writes docs/screenshots/*.png.
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  SCREENSHOTS: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  E2E_APP_PORT: process.env.E2E_APP_PORT ?? "3290",
  E2E_SANDBOX_PORT: process.env.E2E_SANDBOX_PORT ?? "4990",
  STORELINK_DIST_DIR: process.env.STORELINK_DIST_DIR ?? ".next-screenshots",
};
const result = spawnSync("npx", ["playwright", "test", "e2e/screenshots.spec.ts", "--workers=1", ...process.argv.slice(2)], {
  stdio: "inherit",
  env,
});
if (result.status === 0) console.log("Screenshots written to docs/screenshots/");
process.exit(result.status ?? 1);
