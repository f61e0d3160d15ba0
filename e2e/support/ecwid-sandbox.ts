// Fixtures for the Ecwid specs: the sandbox control client, a fresh store per test, and a page object for
// the sandbox's Control Panel host page, whose iframe loads Storelink's /ecwid like Ecwid's does.
import { createHmac, randomBytes } from "node:crypto";
import { expect, type FrameLocator, type Page } from "@playwright/test";
import { SandboxControl } from "../simulators/control-client";
import { SANDBOX_ECWID_CLIENT_SECRET, sandboxUrls } from "../../scripts/lib/sandbox-env";
import { testEnv } from "./test-env";

export const sandbox = new SandboxControl(testEnv.sandboxControlUrl);
export const ecwidUrls = sandboxUrls(testEnv.sandboxBasePort, testEnv.sandboxHost);
export const ECWID_CLIENT_SECRET = SANDBOX_ECWID_CLIENT_SECRET;

export const FULL_SCOPES = ["read_store_profile", "read_catalog", "update_catalog", "read_orders", "update_orders", "public_storefront", "add_to_cp"];

/** A store of its own for each test (tests run in parallel against one sandbox: never reset it). */
export async function freshEcwidStore(opts: { install?: boolean; scopes?: string[] } = {}) {
  const name = `E2E Store ${randomBytes(4).toString("hex")}`;
  const store = await sandbox.createEcwidStore({ name, productCount: 25, orderCount: 4 });
  const tokens = opts.install ? await sandbox.installEcwid(store.storeId, opts.scopes ?? FULL_SCOPES) : null;
  return { ...store, name, tokens };
}

export function signWebhook(eventCreated: number, eventId: string, secret = ECWID_CLIENT_SECRET): string {
  return createHmac("sha256", secret).update(`${eventCreated}.${eventId}`).digest("base64");
}

/** The sandbox Control Panel page (`/cp/{storeId}`) hosting Storelink in an iframe. */
export class ControlPanelHost {
  constructor(private readonly page: Page) {}

  async open(storeId: number, mode: "encrypted" | "hash", lang = "en") {
    await this.page.goto(`${ecwidUrls.ecwidMy}/cp/${storeId}?mode=${mode}&lang=${lang}`);
    await expect(this.page.getByTestId("payload-mode")).toHaveText(mode);
  }

  get app(): FrameLocator {
    return this.page.frameLocator('[data-testid="app-iframe"]');
  }

  async iframeSrc(): Promise<string> {
    return (await this.page.getByTestId("app-iframe").getAttribute("src")) ?? "";
  }

  /** Waits until the Control Panel has received the given bridge methods from the app. */
  async expectBridge(storeId: number, methods: string[]) {
    for (const method of methods) {
      await expect.poll(async () => (await sandbox.bridgeMessages(storeId)).some((m) => m.method === method), { message: `bridge ${method}` }).toBe(true);
    }
  }
}
