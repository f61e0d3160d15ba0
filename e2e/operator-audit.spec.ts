import { expect, test } from "./support/fixtures";
import { SignInPage } from "./support/sign-in";
import { expectNoHorizontalScroll, expectNoSeriousAxeViolations, uniqueEmail } from "./support/operator-helpers";
import { storageStatePath } from "./support/test-env";

// Audit rows are made through the app: a failed sign-in records its (attacker-chosen) email, creating a user
// records user.created.

test.describe("audit log", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("filters by action and actor, paginates, and keeps filters in the URL", async ({ page, as }) => {
    const owner = await as("owner");
    const email = uniqueEmail("audited");
    await owner.goto("/users");
    await owner.getByLabel("Email").fill(email);
    await owner.getByRole("button", { name: "Create account" }).click();
    await expect(owner.getByTestId("new-password")).toBeVisible();

    await page.goto("/audit?action=user.created");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("owner@e2e.test");
    await expect(page.getByLabel("Action")).toHaveValue("user.created");

    await page.goto("/audit?action=auth.sign_in_failed");
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
    await page.goto("/audit?to=2000-01-01");
    await expect(page.getByRole("heading", { name: "No events match these filters" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
  });

  test("filters from the keyboard only @a11y", async ({ page }) => {
    await page.goto("/audit");
    await page.getByLabel("Action").focus();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Actor email contains")).toBeFocused();
    await page.keyboard.type("owner@e2e");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/actor=owner%40e2e/);
    await expect(page.getByLabel("Actor email contains")).toHaveValue("owner@e2e");
    const actors = await page.getByRole("row").locator("td:nth-child(3)").allTextContents();
    expect(actors.length).toBeGreaterThan(0);
    for (const a of actors) expect(a).toContain("owner@e2e");
  });

  test("exports the filtered log as CSV with formulas neutralised, from the keyboard @security", async ({
    page,
    browser,
    baseURL,
  }) => {
    // A failed sign-in with an email that a spreadsheet would read as a formula.
    const hostile = `-1+1-${Date.now()}@e2e.test`;
    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const signIn = new SignInPage(await context.newPage());
    await signIn.goto();
    await signIn.signIn(hostile, "wrong-password-123");
    await context.close();

    await page.goto(`/audit?action=auth.sign_in_failed&actor=${encodeURIComponent(hostile)}`);
    await expect(page.getByRole("row").filter({ hasText: hostile })).toHaveCount(1);
    const exportLink = page.getByRole("link", { name: "Export CSV" });
    await exportLink.focus();
    const download = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^storelink-audit-.*\.csv$/);
    const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("time_utc,action,actor_email,actor_id,target_type,target_id,ip,data");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,auth.sign_in_failed,'${hostile},`);
  });

  test("export needs a signed-in admin", async ({ as, baseURL }) => {
    const viewer = await as("viewer");
    expect((await viewer.request.get("/api/audit/export")).status()).toBe(403);
    await viewer.goto("/audit");
    await expect(viewer.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
    // Node's fetch: no cookie jar, nothing inherited from the signed-in contexts.
    const response = await fetch(`${baseURL}/api/audit/export`, { redirect: "manual" });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("auth.");
  });

  test("has no serious or critical axe violations and fits 390 px @a11y", async ({ page }) => {
    test.slow(); // axe over a full page of audit rows, then a reload at 390 px
    await page.goto("/audit");
    await expect(page.getByRole("table")).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expectNoHorizontalScroll(page);
  });
});
