// Connect sessions: the URL opens once, the code exchanges once within 10 minutes for the session's own app,
// a re-connect keeps the connection and the app's token, and the outbox announces a new connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindTestDatabase, insertConnection, setTestEnv } from "@/testing/lifecycle";
import type { TestDatabase } from "@/testing/test-db";

setTestEnv({ STORELINK_ALLOW_PRIVATE_HOSTS: "127.0.0.1" });
const { createApp } = await import("./apps");
const {
  completeConnectSession,
  createConnectSession,
  exchangeConnectCode,
  failConnectSession,
  openConnectSession,
  ConnectSessionError,
  CODE_TTL_MS,
} = await import("./connect-sessions");
const { createEndpoint } = await import("./endpoints");

let testDb: TestDatabase;
const RETURN = "https://integrator.example/storelink/return";
beforeAll(async () => void (testDb = await bindTestDatabase()));
afterAll(async () => testDb.drop());

async function newApp() {
  return createApp({ name: `App ${Math.random()}`, returnUrls: [RETURN] }, null);
}

const secretOf = (url: string) => new URL(url).searchParams.get("t")!;
const codeOf = (redirect: string) => new URL(redirect).searchParams.get("code")!;
const errorCode = async (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: unknown) => (e instanceof ConnectSessionError ? e.code : String(e)),
  );

describe("connect sessions", () => {
  it("refuses a return URL that is not registered exactly, and platforms not offered", async () => {
    const app = await newApp();
    expect(
      await errorCode(
        createConnectSession(app, { endUserRef: "u1", platforms: [], returnUrl: `${RETURN}/evil`, offered: ["ELASTICPATH"] }),
      ),
    ).toBe("return_url_not_allowed");
    expect(
      await errorCode(
        createConnectSession(app, { endUserRef: "u1", platforms: ["ECWID"], returnUrl: RETURN, offered: ["ELASTICPATH"] }),
      ),
    ).toBe("platform_not_offered");
  });

  it("opens once, then exchanges once for the session's own app; the token is minted at the exchange", async () => {
    const app = await newApp();
    const other = await newApp();
    const session = await createConnectSession(app, {
      endUserRef: "user-42",
      platforms: [],
      returnUrl: RETURN,
      offered: ["ELASTICPATH"],
    });
    expect(session.url).toMatch(/\/connect\/cs_[\w-]+\?t=/);
    expect(await errorCode(openConnectSession(session.id, "wrong-secret"))).toBe("not_found");
    await openConnectSession(session.id, secretOf(session.url));
    expect(await errorCode(openConnectSession(session.id, secretOf(session.url)))).toBe("used");

    const connectionId = await insertConnection(testDb.db, {
      platform: "ELASTICPATH",
      credentials: { clientId: "c", clientSecret: "s", accessToken: "t" },
    });
    const { redirectUrl } = await completeConnectSession(session.id, connectionId);
    expect(redirectUrl.startsWith(`${RETURN}?`)).toBe(true);
    expect(new URL(redirectUrl).searchParams.get("session")).toBe(session.id);
    expect(redirectUrl).not.toContain("slk_");
    const code = codeOf(redirectUrl);

    expect(await errorCode(exchangeConnectCode(other.id, { session: session.id, code }))).toBe("not_found");
    expect(await errorCode(exchangeConnectCode(app.id, { session: session.id, code: "not-the-code" }))).toBe("code_invalid");
    const exchanged = await exchangeConnectCode(app.id, { session: session.id, code });
    expect(exchanged).toMatchObject({ connectionId, endUserRef: "user-42", reconnected: false });
    expect(exchanged.unifiedToken).toMatch(/^slk_/);
    expect(await errorCode(exchangeConnectCode(app.id, { session: session.id, code }))).toBe("code_used");
    const token = await testDb.db.unifiedToken.findFirstOrThrow({ where: { connectionId, appId: app.id } });
    expect(token.revokedAt).toBeNull();
  });

  it("a code expires after 10 minutes", async () => {
    const app = await newApp();
    const session = await createConnectSession(app, {
      endUserRef: "u",
      platforms: [],
      returnUrl: RETURN,
      offered: ["ELASTICPATH"],
    });
    await openConnectSession(session.id, secretOf(session.url));
    const connectionId = await insertConnection(testDb.db, { platform: "ELASTICPATH", credentials: { accessToken: "t" } });
    const { redirectUrl } = await completeConnectSession(session.id, connectionId);
    const later = new Date(Date.now() + CODE_TTL_MS + 1_000);
    expect(await errorCode(exchangeConnectCode(app.id, { session: session.id, code: codeOf(redirectUrl) }, later))).toBe(
      "code_expired",
    );
  });

  it("re-connecting the same store through the same app keeps the connection and the app's token", async () => {
    const app = await newApp();
    const connectionId = await insertConnection(testDb.db, { platform: "ELASTICPATH", credentials: { accessToken: "t" } });
    const connect = async () => {
      const s = await createConnectSession(app, {
        endUserRef: "same-user",
        platforms: [],
        returnUrl: RETURN,
        offered: ["ELASTICPATH"],
      });
      await openConnectSession(s.id, secretOf(s.url));
      const { redirectUrl } = await completeConnectSession(s.id, connectionId);
      return exchangeConnectCode(app.id, { session: s.id, code: codeOf(redirectUrl) });
    };
    const first = await connect();
    const second = await connect();
    expect(first.unifiedToken).toMatch(/^slk_/);
    expect(second).toMatchObject({ connectionId, reconnected: true, unifiedToken: null });
    expect(await testDb.db.unifiedToken.count({ where: { connectionId, appId: app.id, revokedAt: null } })).toBe(1);
  });

  it("a declined or failed flow goes back to the app with an error and no code", async () => {
    const app = await newApp();
    const s = await createConnectSession(app, { endUserRef: "u", platforms: [], returnUrl: RETURN, offered: ["ELASTICPATH"] });
    await openConnectSession(s.id, secretOf(s.url));
    const failed = await failConnectSession(s.id, "denied");
    expect(new URL(failed!.redirectUrl).searchParams.get("error")).toBe("access_denied");
    expect(new URL(failed!.redirectUrl).searchParams.get("code")).toBeNull();
    expect(await errorCode(exchangeConnectCode(app.id, { session: s.id, code: "x" }))).toBe("not_completed");
  });

  it("a new connection is announced to the app's endpoints in the same transaction (connection.created)", async () => {
    const app = await newApp();
    const endpoint = await createEndpoint(app.id, {
      url: "https://hooks.integrator.example/storelink",
      events: ["connection.created"],
    });
    const s = await createConnectSession(app, {
      endUserRef: "announced",
      platforms: [],
      returnUrl: RETURN,
      offered: ["ELASTICPATH"],
    });
    await openConnectSession(s.id, secretOf(s.url));
    const connectionId = await insertConnection(testDb.db, { platform: "ELASTICPATH", credentials: { accessToken: "t" } });
    await completeConnectSession(s.id, connectionId);
    const messages = await testDb.db.webhookMessage.findMany({ where: { endpointId: endpoint.id } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ eventType: "connection.created", sequence: 1, status: "PENDING" });
    expect(messages[0]!.payload).toMatchObject({
      type: "connection.created",
      data: { connectionId, endUserRef: "announced", sequence: 1 },
    });
  });
});
