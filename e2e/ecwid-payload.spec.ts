import { createCipheriv, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ECWID_CLIENT_SECRET, ecwidUrls, freshEcwidStore, sandbox } from "./support/ecwid-sandbox";

// Every malformed Control Panel payload ends on the 400 page, echoing nothing of the input.

function encrypt(plaintext: string, secret = ECWID_CLIENT_SECRET, pad = true): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-128-cbc", Buffer.from(secret.slice(0, 16), "utf8"), iv);
  cipher.setAutoPadding(pad);
  const body = pad ? plaintext : plaintext.padEnd(Math.ceil(plaintext.length / 16) * 16, "\u0007");
  return Buffer.concat([iv, cipher.update(body, "utf8"), cipher.final()]).toString("base64url");
}

const marker = "ECHO-MARKER-9c1f";
const good = { store_id: 424242, lang: "en", access_token: `secret_${marker}`, public_token: "public_x", view_mode: "PAGE" };

const variants: Record<string, string> = {
  "not base64": `!!${marker}!!`,
  "wrong key": encrypt(JSON.stringify(good), "another-client-secret-xyz"),
  "bad padding": encrypt(JSON.stringify(good) + "x", ECWID_CLIENT_SECRET, false),
  "truncated ciphertext": encrypt(JSON.stringify(good)).slice(0, 40),
  "not JSON": encrypt(`not json ${marker}`),
  "missing store_id": encrypt(JSON.stringify({ ...good, store_id: undefined })),
  "store_id of the wrong type": encrypt(JSON.stringify({ ...good, store_id: "424242" })),
  "access_token of the wrong type": encrypt(JSON.stringify({ ...good, access_token: 42 })),
};

test.describe("Control Panel payload refusals @ecwid @security", () => {
  for (const [name, payload] of Object.entries(variants)) {
    test(`${name} → 400`, async ({ request }) => {
      const response = await request.get(`/ecwid?payload=${encodeURIComponent(payload)}`);
      expect(response.status()).toBe(400);
      expect(new URL(response.url()).pathname).toBe("/ecwid/invalid");
      const body = await response.text();
      expect(body).toContain("must be opened from the Ecwid Control Panel");
      expect(body).not.toContain(marker);
      // Still framable by the Control Panel, so the merchant sees the message inside Ecwid.
      expect(response.headers()["content-security-policy"]).toContain(`frame-ancestors ${ecwidUrls.ecwidMy}`);
    });
  }

  test("a legacy hash payload whose token Ecwid rejects is refused", async ({ request }) => {
    const hex = Buffer.from(JSON.stringify({ ...good, store_id: 1003 })).toString("hex");
    const response = await request.post("/api/ecwid/embedded-session", { data: { payload: hex } });
    expect(response.status()).toBe(401);
    expect(await response.text()).not.toContain(marker);
  });

  test("a legacy hash payload that is not hex JSON is refused", async ({ request }) => {
    for (const payload of [
      "zz-not-hex",
      Buffer.from("{not json").toString("hex"),
      Buffer.from(JSON.stringify({ lang: "en" })).toString("hex"),
    ]) {
      const response = await request.post("/api/ecwid/embedded-session", { data: { payload } });
      expect(response.status()).toBe(400);
    }
  });

  test("the page opened outside the Control Panel explains where to open it", async ({ page }) => {
    await page.goto("/ecwid");
    await expect(page.getByTestId("embedded-refused")).toContainText("Open Storelink from your Ecwid Control Panel");
  });
});

test.describe("Control Panel payloads that cannot be verified @ecwid @security", () => {
  test("a well-encrypted payload is not trusted while Ecwid cannot confirm its token (CBC has no MAC)", async ({ request }) => {
    const store = await freshEcwidStore({ install: true });
    const payload = encrypt(JSON.stringify({ ...good, store_id: store.storeId, access_token: store.tokens!.access_token }));
    // Ecwid's API is down for this store only: the token cannot be checked against its /profile.
    await sandbox.addFault({
      host: "ecwid-api",
      method: "GET",
      pathPattern: `/api/v3/${store.storeId}/profile`,
      status: 503,
      count: 3,
    });
    const response = await request.get(`/ecwid?payload=${payload}`);
    expect(response.status()).toBe(400);
    const body = await response.text();
    expect(body).toContain("Ecwid could not be reached to verify it");
    expect(body).not.toContain(store.tokens!.access_token);
  });

  test("a payload whose store_id was rewritten (IV bit-flip) is refused: the token does not belong to that store", async ({
    request,
  }) => {
    const [victim, attacker] = [await freshEcwidStore({ install: true }), await freshEcwidStore({ install: true })];
    const payload = encrypt(JSON.stringify({ ...good, store_id: victim.storeId, access_token: attacker.tokens!.access_token }));
    const response = await request.get(`/ecwid?payload=${payload}`);
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("is not the store&#39;s secret token");
  });
});
