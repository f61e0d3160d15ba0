import { expect, test } from "@playwright/test";
import { captureAction, uniqueAccountEmail } from "../support/accounts";
import { storageStatePath } from "../support/test-env";

// F13: a server action posted from a foreign Origin was refused by Next's own check, but as a 500. It is
// answered 403 before it reaches the action: foreign origins, the opaque `null` origin, and no origin.

test.describe("server actions from other origins @security", () => {
  test.use({ storageState: storageStatePath("owner") });

  test("a Next-Action POST from a foreign, null or missing Origin is refused with 403 and does not run", async ({ page }) => {
    const first = uniqueAccountEmail("origin");
    await page.goto("/users");
    await page.getByLabel("Email").fill(first);
    const action = await captureAction(page, () => page.getByRole("button", { name: "Create account" }).click());
    await expect(page.getByTestId("new-password")).toBeVisible();
    expect(action.headers["origin"]).toBeTruthy();

    const refused: string[] = [];
    for (const origin of [
      "https://evil.example",
      "null",
      `${new URL(action.url).protocol}//127.0.0.2:${new URL(action.url).port}`,
      undefined,
    ]) {
      const email = uniqueAccountEmail("origin");
      const { origin: _own, ...rest } = action.headers;
      const headers = origin === undefined ? rest : { ...rest, origin };
      const response = await page.request.post(action.url, { headers, data: action.body.replace(first, email), maxRedirects: 0 });
      expect(response.status(), `Origin: ${origin ?? "(none)"}`).toBe(403);
      expect(await response.text()).not.toContain('"ok"');
      refused.push(email);
    }

    // The same request from the app's own origin still works, so the refusals above are about the origin.
    const allowed = uniqueAccountEmail("origin");
    const ok = await page.request.post(action.url, {
      headers: action.headers,
      data: action.body.replace(first, allowed),
      maxRedirects: 0,
    });
    expect(ok.status()).toBe(200);

    await page.goto("/users");
    await expect(page.getByTestId(`user-row-${allowed}`)).toBeVisible();
    for (const email of refused) await expect(page.getByTestId(`user-row-${email}`)).toHaveCount(0);
  });
});
