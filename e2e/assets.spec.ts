import { expect, test } from "./support/fixtures";

// Every file a page asks for exists: no 404 in the browser's network log (a missing favicon used to be
// requested by every page).
test.describe("assets @smoke", () => {
  const pages = ["/", "/stores", "/audit", "/settings", "/api-docs"];

  test("signed-in pages request no missing file", async ({ as }) => {
    const page = await as("admin");
    const missing: string[] = [];
    page.on("response", (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    expect(missing).toEqual([]);
  });

  test("the sign-in page and the bare Control Panel page request no missing file", async ({ page }) => {
    const missing: string[] = [];
    page.on("response", (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    for (const path of ["/sign-in", "/ecwid"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    expect(missing).toEqual([]);
    expect((await page.request.get("/favicon.ico")).status()).toBe(200);
  });
});
