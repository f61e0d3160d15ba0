import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { EMBEDDED_SESSION_TTL_SECONDS, mintEmbeddedSession, verifyEmbeddedSession } from "./embedded-session";

const secret = "a-test-auth-secret-that-is-long-enough-0123";
const claims = { connectionId: "conn_1", storeId: "1003" };

async function reason(promise: Promise<unknown>) {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { reason?: string }).reason ?? "thrown";
  }
}

describe("embedded session token", () => {
  it("round-trips the store and connection", async () => {
    const { token, expiresAt } = await mintEmbeddedSession(claims, { secret });
    const session = await verifyEmbeddedSession(token, { secret });
    expect(session).toMatchObject(claims);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(EMBEDDED_SESSION_TTL_SECONDS * 1000);
  });

  it("never lives longer than 15 minutes", async () => {
    const { expiresAt } = await mintEmbeddedSession(claims, { secret, ttlSeconds: 3600 });
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(EMBEDDED_SESSION_TTL_SECONDS * 1000 + 1000);
  });

  it("refuses an expired token as expired", async () => {
    const { token } = await mintEmbeddedSession(claims, { secret, now: Date.now() - 16 * 60_000 });
    expect(await reason(verifyEmbeddedSession(token, { secret }))).toBe("expired");
  });

  it("refuses forged, tampered and foreign tokens as invalid", async () => {
    const { token } = await mintEmbeddedSession(claims, { secret });
    expect(await reason(verifyEmbeddedSession(token, { secret: `${secret}-other` }))).toBe("invalid");
    const [h, p, s] = token.split(".");
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, "base64url").toString()), store: "2048" })).toString("base64url")}.${s}`;
    expect(await reason(verifyEmbeddedSession(tampered, { secret }))).toBe("invalid");
    expect(await reason(verifyEmbeddedSession("not-a-jwt", { secret }))).toBe("invalid");
    expect(await reason(verifyEmbeddedSession(undefined, { secret }))).toBe("invalid");
    // Signed with the raw AUTH_SECRET (not the derived key), or for another audience: refused.
    const raw = await new SignJWT({ store: "1003" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("conn_1")
      .setIssuer("storelink")
      .setAudience("storelink-embedded")
      .setExpirationTime("5m")
      .setIssuedAt()
      .sign(new TextEncoder().encode(secret));
    expect(await reason(verifyEmbeddedSession(raw, { secret }))).toBe("invalid");
  });
});
