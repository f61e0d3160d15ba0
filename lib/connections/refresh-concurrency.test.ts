// Cross-process guarantees of the lifecycle engine, on PostgreSQL with real processes (skipped otherwise).
import { testServerUrl } from "@/testing/test-db";
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bindTestDatabase,
  insertConnection,
  readStoredCredentials,
  setTestEnv,
  TEST_VAULT_KEYS,
  childProcessEnv,
} from "@/testing/lifecycle";
import type { TestDatabase } from "@/testing/test-db";
import type { RunningSandbox } from "@/e2e/simulators/server";
import type { SandboxControl as Control } from "@/e2e/simulators/control-client";

const onPostgres = !!testServerUrl();
const WORKER = join(process.cwd(), "testing/refresh-worker.ts");
const CLIENT = { OAUTH2_CLIENT_ID: "oauth2-sandbox", OAUTH2_CLIENT_SECRET: "oauth2-sandbox-secret" };

describe.skipIf(!onPostgres)("refresh across processes (PostgreSQL; set TEST_DATABASE_URL to run)", () => {
  let testDb: TestDatabase;
  let sandbox: RunningSandbox;
  let control: Control;
  let childEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const { startSandbox } = await import("@/e2e/simulators/server");
    const { SandboxControl } = await import("@/e2e/simulators/control-client");
    sandbox = await startSandbox({ port: 0, appUrl: "http://127.0.0.1:3999" });
    control = new SandboxControl(sandbox.urls.control);
    setTestEnv({ OAUTH2_PROVIDER_URL: sandbox.urls.oauth2, ...CLIENT });
    testDb = await bindTestDatabase();
    childEnv = childProcessEnv({
      DATABASE_URL: testDb.url,
      STORELINK_VAULT_KEYS: TEST_VAULT_KEYS,
      OAUTH2_PROVIDER_URL: sandbox.urls.oauth2,
      ...CLIENT,
    });
  });
  afterAll(async () => {
    await testDb?.drop();
    await sandbox?.close();
  });

  /** A connection whose access token is expired (locally and at the provider) and whose refresh token is valid. */
  async function expiredConnection() {
    const grant = await control.createOAuth2Grant({ shopId: "shop-lisbon-vintage" });
    await control.expireOAuth2({ tokens: "access", token: grant.access_token });
    const id = await insertConnection(testDb.db, {
      platform: "OAUTH2",
      credentials: { accessToken: grant.access_token, refreshToken: grant.refresh_token },
      accessExpiresAt: new Date(Date.now() - 60_000),
      refreshExpiresAt: new Date(Date.now() + 30 * 86_400_000),
      lastRefreshAt: new Date(Date.now() - 3_660_000),
      baseUrl: sandbox.urls.oauth2,
    });
    return { id, grant };
  }

  function worker(env: Record<string, string>): { child: ChildProcess; output: Promise<string> } {
    // node itself (not the tsx CLI, which forks a second process): SIGKILL must hit the process holding the lock.
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER], {
      env: { ...childEnv, ...env },
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    const output = new Promise<string>((resolve, reject) => {
      child.on("exit", () => resolve(out));
      child.on("error", reject);
    });
    return { child, output };
  }

  it("two processes × 100 concurrent calls on an expired token → exactly one upstream refresh, no call fails", async () => {
    const { id } = await expiredConnection();
    await control.resetCounters();
    const a = worker({ CONNECTION_ID: id, CALLS: "100" });
    const b = worker({ CONNECTION_ID: id, CALLS: "100" });
    // Let both processes load (tsx compile) before releasing them at the same moment.
    await new Promise((r) => setTimeout(r, 6000));
    a.child.stdin!.write("go\n");
    b.child.stdin!.write("go\n");
    const results = [
      JSON.parse((await a.output).trim().split("\n").pop()!),
      JSON.parse((await b.output).trim().split("\n").pop()!),
    ];
    expect(results).toEqual([{ "shop-lisbon-vintage": 100 }, { "shop-lisbon-vintage": 100 }]);
    const counters = await control.counters();
    expect(counters.tokenRequests["oauth2-sandbox"]).toBe(1);
    const stored = await readStoredCredentials<{ refreshToken: string }>(testDb.db, id);
    expect(stored?.refreshToken).toMatch(/^rt_/);
  }, 60_000);

  it("a process killed in the middle of a refresh loses no refresh token and leaves no lock behind", async () => {
    const { id, grant } = await expiredConnection();
    // The provider answers slowly: the worker is killed while its refresh request is in flight.
    await control.addFault({ host: "oauth2", pathPattern: "/oauth/token", delayMs: 4000, count: 1 });
    const w = worker({ CONNECTION_ID: id, MODE: "force-refresh" });
    await new Promise<void>((resolve) =>
      w.child.stdout!.on("data", (c: Buffer) => c.toString().includes("started") && resolve()),
    );
    await new Promise((r) => setTimeout(r, 1000));
    w.child.kill("SIGKILL");
    await w.output;

    // The stored credentials are the previous ones, complete and decryptable.
    expect(await readStoredCredentials(testDb.db, id)).toEqual({
      accessToken: grant.access_token,
      refreshToken: grant.refresh_token,
    });
    // PostgreSQL dropped the dead process's advisory lock with its connection…
    let held = -1;
    for (let i = 0; i < 40 && held !== 0; i++) {
      const rows = await testDb.db.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
      held = Number(rows[0]?.n ?? -1);
      if (held !== 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(held).toBe(0);
    // …so this process renews with the kept refresh token (the provider never finished the killed request's
    // rotation before this one, which it would answer invalid_grant to afterwards).
    const { freshCredentials } = await import("./fresh-credentials");
    const result = await freshCredentials<{ refreshToken: string }>(id);
    expect(result.ok).toBe(true);
    const row = await testDb.db.connection.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("ACTIVE");
    expect((await readStoredCredentials<{ refreshToken: string }>(testDb.db, id))?.refreshToken).not.toBe(grant.refresh_token);
    await control.clearFaults();
  }, 60_000);
});
