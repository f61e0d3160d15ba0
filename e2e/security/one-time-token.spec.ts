import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { localOnly } from "../support/fixtures";
import { connectThroughUi, seedEpStore } from "../support/elasticpath-fixtures";
import { harnessSecretsPath, storageStatePath } from "../support/test-env";

// F13: the sealed one-time cookie that carries a connect flow's new unified token to the store's page
// showed the token again on every reload for five minutes. It is cleared on the response that first
// renders it. The cookie is sealed here exactly as the OAuth2 callback seals it (AES-256-GCM under a key
// derived from AUTH_SECRET), so any store can carry one; the callback's own path is covered by the OAuth2 specs.

function sealNotice(authSecret: string, connectionId: string, token: string): string {
  const key = Buffer.from(hkdfSync("sha256", authSecret, "storelink", "storelink:new-token", 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([
    cipher.update(JSON.stringify({ connectionId, token, exp: Date.now() + 300_000 }), "utf8"),
    cipher.final(),
  ]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url");
}

test.describe("a new unified token is shown once @security", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("reloading the store page does not show the token again", async ({ page, baseURL }) => {
    localOnly("seals the notice cookie with the harness's AUTH_SECRET");
    const authSecret = (JSON.parse(readFileSync(harnessSecretsPath(), "utf8")) as { secrets: string[] }).secrets[0]!;
    const { connectionId } = await connectThroughUi(page, await seedEpStore());
    const token = `slk_${randomBytes(24).toString("hex")}`;
    // As the OAuth2 callback sets it: httpOnly, SameSite=Lax, path /stores.
    const cookie = {
      name: "storelink_new_token",
      value: sealNotice(authSecret, connectionId, token),
      httpOnly: true,
      sameSite: "Lax" as const,
    };
    await page.context().addCookies([{ ...cookie, domain: new URL(baseURL!).hostname, path: "/stores" }]);

    await page.goto(`/stores/${connectionId}?connected=1`);
    await expect(page.getByTestId("new-unified-token")).toHaveText(token);
    // The dialog stays up while the admin copies the token: nothing else re-renders it away.
    await page.waitForLoadState("networkidle");
    await expect(page.getByTestId("new-unified-token")).toHaveText(token);

    // Without closing it: a reload (or any later request) must not carry the token any more.
    await page.reload();
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("new-unified-token")).toHaveCount(0);
    expect(await (await page.request.get(`/stores/${connectionId}`)).text()).not.toContain(token);
    expect((await page.context().cookies()).find((c) => c.name === "storelink_new_token")).toBeUndefined();
  });
});
