import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import type { Integrator } from "../simulators/integrator/server";
import { integratorAt, registerApp } from "../support/apps";
import { storageStatePath, testEnv } from "../support/test-env";

// Attacks on the integrator flow: each is refused with a precise problem (for an app's backend) or a clear
// page (for a merchant), and nothing is created. An attacker here is another app, a stranger with a
// leaked or guessed URL, or a merchant replaying what their browser saw.
test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStatePath("admin") });

let integrator: Integrator;
let mine = { appId: "", key: "" };
let theirs = { appId: "", key: "" };
let returnUrl = "";

test.beforeAll(async ({ browser }) => {
  test.skip(!testEnv.local, "runs an example integrator on the local sandbox's ports");
  integrator = await integratorAt(1);
  returnUrl = `${integrator.url}/return`;
  const page = await browser.newPage({ storageState: storageStatePath("admin") });
  mine = await registerApp(page, "Hostile target app", [returnUrl]);
  theirs = await registerApp(page, "Another app", [`${integrator.url}/other`]);
  await page.close();
});
test.afterAll(async () => {
  await integrator?.close();
});

const post = (request: APIRequestContext, path: string, key: string, data: unknown) =>
  request.post(`/api/v1/connect${path}`, { headers: { authorization: `Bearer ${key}` }, data });

async function expectProblem(response: Awaited<ReturnType<APIRequestContext["post"]>>, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect(await response.json()).toMatchObject({ status, code });
}

/** Runs a merchant through the OAuth2 provider on a fresh connect URL; returns the code and session the app got back. */
async function completedSession(browser: Browser, request: APIRequestContext) {
  const created = await post(request, "/sessions", mine.key, {
    endUserRef: "hostile-merchant",
    returnUrl,
    platforms: ["OAUTH2"],
  });
  expect(created.status()).toBe(201);
  const { url } = await created.json();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole("link", { name: "Connect with the OAuth2 provider" }).click();
  await page.getByLabel("Braga Books").check();
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL((u) => u.pathname === "/return");
  const back = new URL(page.url());
  await context.close();
  return { url: url as string, code: back.searchParams.get("code")!, session: back.searchParams.get("session")! };
}

test("a session needs the app's key and a registered return URL, exactly @security", async ({ request }) => {
  await expectProblem(
    await post(request, "/sessions", "sla_not_a_real_key", { endUserRef: "x", returnUrl }),
    401,
    "unauthorized",
  );
  await expectProblem(
    await request.post("/api/v1/connect/sessions", { data: { endUserRef: "x", returnUrl } }),
    401,
    "unauthorized",
  );
  for (const url of [
    `${returnUrl}/extra`,
    `${returnUrl}?next=https://evil.example`,
    "https://evil.example/return",
    returnUrl.replace("127.0.0.1", "localhost"),
  ]) {
    await expectProblem(
      await post(request, "/sessions", mine.key, { endUserRef: "x", returnUrl: url }),
      422,
      "return_url_not_allowed",
    );
  }
  // Another app's registered URL is not this app's.
  await expectProblem(
    await post(request, "/sessions", mine.key, { endUserRef: "x", returnUrl: `${integrator.url}/other` }),
    422,
    "return_url_not_allowed",
  );
});

test("a connect URL opens once, in one browser; a tampered or guessed one shows a clear page @security", async ({
  browser,
  request,
}) => {
  const { url } = await (await post(request, "/sessions", mine.key, { endUserRef: "x", returnUrl })).json();
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const tampered = await stranger.newPage();
  const wrongSecret = new URL(url);
  wrongSecret.searchParams.set("t", "A".repeat(43));
  const refused = await tampered.goto(wrongSecret.toString());
  expect(refused!.status()).toBe(404);
  await expect(tampered.getByRole("heading", { name: "This connect link is not valid" })).toBeVisible();

  const merchant = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const first = await merchant.newPage();
  await first.goto(url);
  await expect(first.getByRole("heading", { name: /^Connect your store to Hostile target app/ })).toBeVisible();
  // The same URL from another browser (a leaked link) is refused: it was opened.
  const second = await stranger.newPage();
  const again = await second.goto(url);
  expect(again!.status()).toBe(409);
  await expect(second.getByRole("heading", { name: "This connect link was already used" })).toBeVisible();
  // And the platform step cannot be reached without the session's cookie.
  await second.goto(`${new URL(url).origin}/connect/${new URL(url).pathname.split("/").pop()}/platform`);
  await expect(second.getByText("This page must be opened from the app's connect link.")).toBeVisible();
  await stranger.close();
  await merchant.close();
});

test("codes: another app's key, a wrong code, a reused code are refused, and only the first exchange gets a token @security", async ({
  browser,
  request,
}) => {
  const done = await completedSession(browser, request);
  await expectProblem(
    await post(request, "/exchange", theirs.key, { session: done.session, code: done.code }),
    404,
    "connect_session_not_found",
  );
  await expectProblem(
    await post(request, "/exchange", mine.key, { session: done.session, code: `${done.code.slice(0, -2)}xx` }),
    400,
    "connect_code_invalid",
  );
  const ok = await post(request, "/exchange", mine.key, { session: done.session, code: done.code });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ platform: "OAUTH2", store: { id: "shop-braga-books" } });
  await expectProblem(
    await post(request, "/exchange", mine.key, { session: done.session, code: done.code }),
    409,
    "connect_code_used",
  );
  // The finished session's URL cannot be opened again.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  expect((await page.goto(done.url))!.status()).toBe(409);
  await context.close();
});

test("the OAuth2 step of a connect session refuses a browser the session did not open in @security", async ({
  browser,
  request,
}) => {
  const { id } = await (await post(request, "/sessions", mine.key, { endUserRef: "x", returnUrl })).json();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  // Straight to the platform flow with only the session id (no cookie): back to the refusal, no consent page.
  await page.goto(`/api/oauth2/connect?connect=${id}`);
  await expect(page.getByText("This page must be opened from the app's connect link.")).toBeVisible();
  await context.close();
});
