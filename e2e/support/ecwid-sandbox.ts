// Fixtures for the Ecwid specs: the sandbox control client, a fresh store per test, and a page object for
// the sandbox's Control Panel host page, whose iframe loads Storelink's /ecwid like Ecwid's does.
import { createHmac, randomBytes } from "node:crypto";
import { expect, type FrameLocator, type Page } from "@playwright/test";
import { SandboxControl } from "../simulators/control-client";
import { APP_SCOPES } from "../simulators/state";
import { SANDBOX_ECWID_CLIENT_SECRET, sandboxUrls } from "../../scripts/lib/sandbox-env";
import { testEnv } from "./test-env";

export const sandbox = new SandboxControl(testEnv.sandboxControlUrl);
export const ecwidUrls = sandboxUrls(testEnv.sandboxBasePort, testEnv.sandboxHost);
export const ECWID_CLIENT_SECRET = SANDBOX_ECWID_CLIENT_SECRET;

export { APP_SCOPES };

/** A store of its own for each test (tests run in parallel against one sandbox: never reset it). */
export async function freshEcwidStore(opts: { install?: boolean; scopes?: string[]; echoOAuthState?: boolean } = {}) {
  const name = `E2E Store ${randomBytes(4).toString("hex")}`;
  const store = await sandbox.createEcwidStore({
    name,
    productCount: 25,
    orderCount: 4,
    ...(opts.echoOAuthState === undefined ? {} : { echoOAuthState: opts.echoOAuthState }),
  });
  const tokens = opts.install ? await sandbox.installEcwid(store.storeId, opts.scopes ?? APP_SCOPES) : null;
  return { ...store, name, tokens };
}

export function signWebhook(eventCreated: number, eventId: string, secret = ECWID_CLIENT_SECRET): string {
  return createHmac("sha256", secret).update(`${eventCreated}.${eventId}`).digest("base64");
}

/** The sandbox Control Panel page (`/cp/{storeId}`) hosting Storelink in an iframe. */
export class ControlPanelHost {
  constructor(private readonly page: Page) {}

  /**
   * `firefoxWithoutReferrer`: a browser without location.ancestorOrigins (Firefox has none; Chromium's is
   * emptied in every frame by an init script) and a Control Panel that sends no referrer (the sandbox frames
   * the app with referrerpolicy="no-referrer"): the app cannot learn its parent's origin.
   */
  async open(
    storeId: number,
    mode: "encrypted" | "hash",
    lang = "en",
    opts: { firefoxWithoutReferrer?: boolean; appState?: string; viewMode?: "POPUP" | "INLINE" } = {},
  ) {
    if (opts.firefoxWithoutReferrer) {
      await this.page.addInitScript(() =>
        Object.defineProperty(DOMStringList.prototype, "length", { get: () => 0, configurable: true }),
      );
    }
    await this.page.goto(
      `${ecwidUrls.ecwidMy}/cp/${storeId}?mode=${mode}&lang=${lang}${opts.firefoxWithoutReferrer ? "&referrer=none" : ""}${opts.appState ? `&app_state=${encodeURIComponent(opts.appState)}` : ""}${opts.viewMode ? `&view_mode=${opts.viewMode}` : ""}`,
    );
    await expect(this.page.getByTestId("payload-mode")).toHaveText(mode);
  }

  get app(): FrameLocator {
    return this.page.frameLocator('[data-testid="app-iframe"]');
  }

  async iframeSrc(): Promise<string> {
    return (await this.page.getByTestId("app-iframe").getAttribute("src")) ?? "";
  }

  /** Every bridge message the Control Panel received was in ecwid-app.js's format. */
  async expectNoBridgeErrors(storeId: number) {
    expect((await sandbox.bridgeMessages(storeId)).filter((m) => m.error)).toEqual([]);
    await expect(this.page.getByTestId("bridge-errors").locator("li")).toHaveCount(0);
  }

  /** Waits until the Control Panel has received the given bridge methods from the app. */
  async expectBridge(storeId: number, methods: string[]) {
    for (const method of methods) {
      await expect
        .poll(async () => (await sandbox.bridgeMessages(storeId)).some((m) => m.method === method), {
          message: `bridge ${method}`,
        })
        .toBe(true);
    }
  }
}
