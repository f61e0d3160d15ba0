// The fixtures every spec can use: `import { test, expect } from "./support/fixtures"`.
// - `sandbox`: the platform sandboxes' control API (seed stores, inject faults, read counters).
// - `as(user)`: a page signed in as owner / admin / viewer, from the sessions the setup project saved.
// - a guard that refuses @destructive tests against a target not marked as a test instance.
import { test as base, expect, type Page } from "@playwright/test";
import { SandboxControl } from "../simulators/control-client";
import { storageStatePath, testEnv, type TestUser } from "./test-env";

type Fixtures = {
  sandbox: SandboxControl;
  as: (user: TestUser) => Promise<Page>;
  destructiveGuard: void;
};

export const test = base.extend<Fixtures>({
  sandbox: async ({}, use) => {
    await use(new SandboxControl(testEnv.sandboxControlUrl));
  },

  as: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (user) => {
      const context = await browser.newContext({ storageState: storageStatePath(user) });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },

  destructiveGuard: [
    async ({}, use, testInfo) => {
      const destructive = testInfo.tags.includes("@destructive");
      if (destructive && !testEnv.local && testEnv.E2E_TARGET_IS_TEST_INSTANCE !== "yes") {
        throw new Error(
          `Refusing to run the destructive test "${testInfo.title}" against ${testEnv.appUrl}: ` +
            "set E2E_TARGET_IS_TEST_INSTANCE=yes only if that Storelink is a disposable test instance.",
        );
      }
      await use();
    },
    { auto: true },
  ],
});

/** Skips (with the reason in the report) what only the local harness can do, e.g. reading its database. */
export function localOnly(reason: string) {
  test.skip(!testEnv.local, `Needs the local harness: ${reason}`);
}

export { expect };
