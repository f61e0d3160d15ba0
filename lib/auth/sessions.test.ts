import { Auth, type AuthConfig } from "@auth/core";
import { encode } from "@auth/core/jwt";
import Credentials from "@auth/core/providers/credentials";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-db";
import { changeUserAccess } from "@/lib/auth/users";
import { sessionCallbacks } from "./callbacks";
import { activeSession, openSession, revokeSession, revokeUserSessions, SESSION_LIFETIME_MS } from "./sessions";

// F3: sessions are revocable and end 24 h after sign-in however often they are renewed. The last block
// runs Auth.js itself (@auth/core's /session endpoint) with Storelink's callbacks, to pin what it does
// when the jwt callback returns null: it answers no session and clears the cookie instead of renewing it.

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  vi.useRealTimers();
  await t.drop();
});

const HOUR = 60 * 60_000;
const user = (email: string, role: "OWNER" | "ADMIN" | "VIEWER" = "ADMIN") =>
  t.db.user.create({ data: { email, role, passwordHash: "x" } });
const open = (userId: string, now?: Date) => openSession(t.db, { userId, ip: "127.0.0.1", userAgent: "vitest" }, now);

describe("server-side sessions", () => {
  it("an open session is active with the user's current role; the database keeps only the id's hash", async () => {
    const u = await user("a@x.test");
    const { sessionId, expiresAt } = await open(u.id);
    expect(await activeSession(t.db, sessionId)).toMatchObject({ id: u.id, email: "a@x.test", role: "ADMIN" });
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(SESSION_LIFETIME_MS);
    const rows = await t.db.userSession.findMany();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(sessionId);
  });

  it("refuses unknown, malformed and missing ids", async () => {
    for (const id of [undefined, null, 42, "", "short", "x".repeat(43), { id: "x" }])
      expect(await activeSession(t.db, id)).toBeNull();
  });

  it("sign-out revokes that session only", async () => {
    const u = await user("a@x.test");
    const laptop = await open(u.id);
    const phone = await open(u.id);
    await revokeSession(t.db, laptop.sessionId);
    expect(await activeSession(t.db, laptop.sessionId)).toBeNull();
    expect(await activeSession(t.db, phone.sessionId)).not.toBeNull();
  });

  it("sign out everywhere revokes every session of that user and no one else's", async () => {
    const u = await user("a@x.test");
    const other = await user("b@x.test");
    const sessions = [await open(u.id), await open(u.id)];
    const theirs = await open(other.id);
    expect(await revokeUserSessions(t.db, u.id)).toBe(2);
    for (const s of sessions) expect(await activeSession(t.db, s.sessionId)).toBeNull();
    expect(await activeSession(t.db, theirs.sessionId)).not.toBeNull();
  });

  it("ends 24 h after sign-in, however recently it was used", async () => {
    const u = await user("a@x.test");
    const signedIn = new Date("2026-01-01T08:00:00Z");
    const { sessionId } = await open(u.id, signedIn);
    for (let h = 1; h < 24; h++)
      expect(await activeSession(t.db, sessionId, new Date(signedIn.getTime() + h * HOUR))).not.toBeNull();
    expect(await activeSession(t.db, sessionId, new Date(signedIn.getTime() + 24 * HOUR))).toBeNull();
  });

  it("deactivation and role changes end the account's sessions; reactivation revives none", async () => {
    await user("owner@x.test", "OWNER");
    const u = await user("a@x.test");
    const first = await open(u.id);
    await changeUserAccess(t.db, { userId: u.id, role: "VIEWER" });
    expect(await activeSession(t.db, first.sessionId)).toBeNull();

    const second = await open(u.id);
    expect(await activeSession(t.db, second.sessionId)).toMatchObject({ role: "VIEWER" });
    await changeUserAccess(t.db, { userId: u.id, active: false });
    expect(await activeSession(t.db, second.sessionId)).toBeNull();
    await changeUserAccess(t.db, { userId: u.id, active: true });
    expect(await activeSession(t.db, second.sessionId)).toBeNull();
    expect(await activeSession(t.db, first.sessionId)).toBeNull();
  });

  it("a deactivated account's session is refused even before it is revoked", async () => {
    const u = await user("a@x.test");
    const { sessionId } = await open(u.id);
    await t.db.user.update({ where: { id: u.id }, data: { active: false } });
    expect(await activeSession(t.db, sessionId)).toBeNull();
  });
});

describe("Auth.js with these callbacks (GET /session)", () => {
  const secret = "a-test-auth-secret-that-is-long-enough-0123";
  const cookieName = "authjs.session-token";

  function config(): AuthConfig {
    return {
      secret,
      trustHost: true,
      session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
      providers: [Credentials({ authorize: () => null })],
      logger: { error: () => {}, warn: () => {}, debug: () => {} },
      ...sessionCallbacks(t.db),
    };
  }

  async function readSession(cookie: string) {
    const response = await Auth(
      new Request("http://localhost/auth/session", { headers: { cookie: `${cookieName}=${cookie}` } }),
      config(),
    );
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${cookieName}=`));
    const renewed = setCookie && !/^[^=]+=;/.test(setCookie) ? setCookie.slice(cookieName.length + 1).split(";")[0] : null;
    return {
      body: (await response.json()) as null | { user?: { email?: string; role?: string } },
      renewed,
      cleared: !!setCookie && !renewed,
    };
  }

  const cookieFor = async (sessionId: string, role = "ADMIN") =>
    encode({ token: { sid: sessionId, role }, secret, salt: cookieName });

  it("answers with the current role and renews the cookie while the session is active", async () => {
    const u = await user("a@x.test", "ADMIN");
    const { sessionId } = await open(u.id);
    await t.db.user.update({ where: { id: u.id }, data: { role: "VIEWER" } }); // outside changeUserAccess: no revocation
    const answer = await readSession(await cookieFor(sessionId, "ADMIN"));
    expect(answer.body?.user).toMatchObject({ email: "a@x.test", role: "VIEWER" });
    expect(answer.renewed).toBeTruthy();
  });

  it("answers no session and clears the cookie once the session is revoked", async () => {
    const u = await user("a@x.test");
    const { sessionId } = await open(u.id);
    const cookie = await cookieFor(sessionId);
    await revokeSession(t.db, sessionId);
    const answer = await readSession(cookie);
    expect(answer.body).toBeNull();
    expect(answer.renewed).toBeNull();
    expect(answer.cleared).toBe(true);
  });

  it("renewing every 7 hours never carries a session past 24 h", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-01-01T08:00:00Z");
    vi.setSystemTime(start);
    const u = await user("a@x.test");
    const { sessionId } = await open(u.id);
    let cookie = await cookieFor(sessionId);
    for (const hours of [7, 14, 21]) {
      vi.setSystemTime(new Date(start.getTime() + hours * HOUR));
      const answer = await readSession(cookie);
      expect(answer.body, `after ${hours} h`).not.toBeNull();
      cookie = answer.renewed!;
    }
    vi.setSystemTime(new Date(start.getTime() + 24 * HOUR + 60_000));
    // The cookie renewed at 21 h is a valid JWT until 29 h: only the server-side session ends it.
    const late = await readSession(cookie);
    expect(late.body).toBeNull();
    expect(late.renewed).toBeNull();
  });
});
