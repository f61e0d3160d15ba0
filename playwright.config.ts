import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import type { ApiOptions } from "./e2e/support/api-fixtures";
import { testEnv } from "./e2e/support/test-env";

// Debian's Chromium when present (no browser download is reachable here); Playwright's own otherwise.
const chromiumPath = testEnv.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig<ApiOptions>({
  testDir: "./e2e",
  testIgnore: ["**/simulators/**"],
  // Per app port, so side-by-side runs (different E2E_APP_PORT) keep their own traces and screenshots.
  outputDir: testEnv.E2E_APP_PORT === 3100 ? "test-results/artifacts" : `test-results/artifacts-${testEnv.E2E_APP_PORT}`,
  fullyParallel: true,
  workers: 2,
  retries: testEnv.E2E_RETRIES,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["html", { outputFolder: "playwright-report", open: "never" }],
    ["junit", { outputFile: "test-results/junit.xml" }],
    ["./e2e/support/paths-reporter.ts"],
  ],
  use: {
    baseURL: testEnv.appUrl,
    // Recording a trace for every test costs CPU the tests need on a 2-core machine; with retries (CI) the
    // retry of a failure records one, which is what Playwright recommends for CI.
    trace: testEnv.E2E_RETRIES > 0 ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
    // The unified-API specs again, against the standalone server (same Hono app, no Next router).
    ...(testEnv.standaloneApiUrl
      ? [
          {
            name: "api-standalone",
            testMatch: /(api-(ecwid|elasticpath|oauth2)|security\/api-errors)\.spec\.ts/,
            use: { ...devices["Desktop Chrome"], apiBaseURL: testEnv.standaloneApiUrl },
            dependencies: ["setup"],
          },
        ]
      : []),
  ],
  webServer: testEnv.local
    ? {
        command: "npx tsx --conditions=react-server e2e/support/serve.ts",
        url: `${testEnv.appUrl}/api/health`,
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
      }
    : undefined,
});
