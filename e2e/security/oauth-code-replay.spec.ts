import { expect, test } from "@playwright/test";
import { installThroughOAuth } from "../support/ecwid-install";
import { freshEcwidStore, sandbox } from "../support/ecwid-sandbox";
import { storageStatePath } from "../support/test-env";

// Issue 14 F6: Ecwid disables the token of a code's first exchange when the code is exchanged again, so an
// anonymous visitor who brings a used code back through a new flow (with that flow's valid state) must be
// refused before Storelink calls Ecwid.

test.use({ storageState: storageStatePath("admin") });

test("a used OAuth code replayed through a new flow is refused without calling Ecwid @security @ecwid", async ({
  page,
  browser,
  request,
}) => {
  const store = await freshEcwidStore();
  let callback = "";
  page.on("request", (r) => {
    if (r.url().includes("/api/ecwid/oauth/callback")) callback = r.url();
  });
  const { token } = await installThroughOAuth(page, store.name);
  const code = new URL(callback).searchParams.get("code") ?? "";
  expect(code).not.toBe("");

  // The attacker starts a flow of their own and stops at Ecwid's consent page, keeping its state.
  const attacker = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const attackerPage = await attacker.newPage();
  await attackerPage.goto("/api/ecwid/oauth/start");
  const authorize = new URL(attackerPage.url());
  const back = new URL(authorize.searchParams.get("redirect_uri") ?? "");
  back.searchParams.set("code", code);
  back.searchParams.set("state", authorize.searchParams.get("state") ?? "");
  // Any exchange of this code from now on would hit this fault: it counts Storelink's calls to Ecwid.
  const probe = await sandbox.addFault({
    host: "ecwid-my",
    pathPattern: "/api/oauth/token",
    bodyPattern: `code=${code}`,
    status: 400,
    count: 5,
  });

  const replay = await attackerPage.goto(back.toString());
  expect(replay?.status()).toBe(400);
  await expect(attackerPage.getByRole("heading", { name: "This installation link was already used" })).toBeVisible();
  await attacker.close();
  expect((await sandbox.faults()).find((f) => f.id === probe.id)?.hits).toBe(0);

  // The store's first token was not disabled: the unified API still reaches Ecwid with it.
  expect((await request.get("/api/v1/store", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
});
