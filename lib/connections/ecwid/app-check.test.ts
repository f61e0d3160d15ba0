import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxControl } from "@/e2e/simulators/control-client";
import { startSandbox, type RunningSandbox } from "@/e2e/simulators/server";
import { checkEcwidConfig, isLoopbackUrl, type EcwidCheckConfig } from "./app-check";

// Against the in-process platform sandbox, exactly as the app would talk to Ecwid.

const SECRET = "sandbox-client-secret-0123456789abcdef";
let sandbox: RunningSandbox;
let app: Server;
let appUrl: string;

beforeAll(async () => {
  // A stand-in for Storelink's callback: answers 400 without an install code, like the real route.
  app = createServer((_req, res) => res.writeHead(400).end("missing code"));
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  sandbox = await startSandbox({ port: 0, appUrl, ecwidClientId: "storelink-sandbox", ecwidClientSecret: SECRET });
});

afterAll(async () => {
  await sandbox.close();
  await new Promise((r) => app.close(r));
});

const config = (over: Partial<EcwidCheckConfig> = {}): EcwidCheckConfig => ({
  clientId: "storelink-sandbox",
  clientSecret: SECRET,
  oauthBaseUrl: sandbox.urls["ecwid-my"],
  appUrl,
  scopes: ["read_store_profile", "read_catalog", "public_storefront", "add_to_cp"],
  ...over,
});
const byId = async (c: EcwidCheckConfig) => Object.fromEntries((await checkEcwidConfig(c)).map((f) => [f.id, f]));

describe("checkEcwidConfig", () => {
  it("is all green for a correctly registered app", async () => {
    const f = await byId(config());
    expect(Object.values(f).map((x) => [x.id, x.status])).toEqual([
      ["scopes", "ok"],
      ["reachable", "ok"],
      ["authorize", "ok"],
      ["credentials", "ok"],
    ]);
  });

  it("tells a wrong client secret (invalid_client) and never echoes it", async () => {
    const wrong = "wrong-secret-value-0000000000";
    const findings = await checkEcwidConfig(config({ clientSecret: wrong }));
    const credentials = findings.find((x) => x.id === "credentials")!;
    expect(credentials.status).toBe("error");
    expect(credentials.detail).toMatch(/invalid_client/);
    expect(JSON.stringify(findings)).not.toContain(wrong);
  });

  it("tells an unknown client id", async () => {
    const f = await byId(config({ clientId: "not-our-app" }));
    expect(f.authorize).toMatchObject({ status: "error" });
    expect(f.authorize!.detail).toMatch(/doesn't know client_id not-our-app/);
  });

  it("tells an unregistered redirect URL", async () => {
    const other = "http://127.0.0.2:9";
    const f = await byId(config({ appUrl: other }));
    expect(f.authorize!.detail).toMatch(/redirect URL http:\/\/127\.0\.0\.2:9\/api\/ecwid\/oauth\/callback isn't registered/);
    expect(f.reachable!.status).toBe("error");
  });

  it("tells a scope the app isn't configured for, and scopes Ecwid doesn't have", async () => {
    await new SandboxControl(sandbox.urls.control).configureEcwidApp({
      scopes: ["read_store_profile", "read_catalog", "public_storefront", "add_to_cp"],
    });
    const f = await byId(config({ scopes: ["read_catalog", "update_orders", "public_storefront", "add_to_cp"] }));
    expect(f.authorize!.status).toBe("error");
    expect(f.authorize!.detail).toMatch(/scope isn't enabled.*update_orders/);
    expect((await byId(config({ scopes: ["read_everything", "add_to_cp"] }))).scopes!.status).toBe("error");
    expect((await byId(config({ scopes: ["read_catalog"] }))).scopes!.status).toBe("warning");
  });

  it("reports a missing configuration and an unreachable host", async () => {
    const f = await byId(config({ clientId: undefined, clientSecret: undefined, oauthBaseUrl: "http://127.0.0.1:1" }));
    expect(f.configured!.status).toBe("error");
    expect(f.authorize).toBeUndefined();
    const down = await byId(config({ oauthBaseUrl: "http://127.0.0.1:1" }));
    expect(down.authorize!.detail).toMatch(/Could not reach/);
  });
});

describe("isLoopbackUrl", () => {
  it("treats 127.x and localhost as the sandbox", () => {
    expect(isLoopbackUrl("http://127.0.0.1:4401")).toBe(true);
    expect(isLoopbackUrl("http://localhost:3000")).toBe(true);
    expect(isLoopbackUrl("https://my.ecwid.com")).toBe(false);
  });
});
