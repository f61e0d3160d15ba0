// The contract suite ("verified fakes"): one test per row of e2e/simulators/CONFORMANCE.md, run against the local
// sandboxes (project "sandbox") and, when real-target variables are set, against the real platforms ("real").
// `npm run test:contracts` (scripts/contracts.ts) runs it; see the QA section of e2e/README.md.
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { anyRealTarget } from "./env";
import type { TargetOptions } from "./support/fixtures";

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig<TargetOptions>({
  testDir: ".",
  testMatch: /.*\.contract\.ts/,
  outputDir: "../../test-results/contracts-artifacts",
  globalSetup: "./global-setup.ts",
  // One worker: rows reconfigure the one sandbox (webhook plans, rate-limit windows) and the whole run is seconds.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: "../../test-results/contracts.json" }],
    ["junit", { outputFile: "../../test-results/contracts-junit.xml" }],
  ],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    },
  },
  projects: [
    { name: "sandbox", use: { target: "sandbox" } },
    ...(anyRealTarget ? [{ name: "real", use: { target: "real" as const } }] : []),
  ],
});
