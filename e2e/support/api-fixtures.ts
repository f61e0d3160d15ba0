// The unified-API specs run twice: against the API mounted in Next (the app's own URL) and against the
// standalone server (`npm run start:api`; the harness serves it on E2E_APP_PORT+1). The Playwright project
// sets `apiBaseURL`; `request` (the API client every API spec uses) follows it, pages stay on the app.
import { test as base, expect } from "@playwright/test";
import { testEnv } from "./test-env";

export type ApiOptions = { apiBaseURL: string };

export const test = base.extend<ApiOptions>({
  apiBaseURL: [testEnv.appUrl, { option: true }],
  request: async ({ playwright, apiBaseURL }, use) => {
    const context = await playwright.request.newContext({ baseURL: apiBaseURL });
    await use(context);
    await context.dispose();
  },
});

/** The API base of the running project (for byte-exact requests that bypass Playwright's client). */
export const apiBaseUrl = (): string => (test.info().project.use as Partial<ApiOptions>).apiBaseURL ?? testEnv.appUrl;

export { expect };
