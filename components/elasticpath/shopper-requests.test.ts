// How the preview words Elastic Path's answers to a shopper. The 401 is documented; a lockout is not, so the
// mapping is written for the answers a lockout could take (423, a 403 that says so, 429).
import { afterEach, describe, expect, it, vi } from "vitest";
import { readOrder } from "./shopper-record-requests";
import { signInFailure } from "./shopper-requests";

const epError = (status: number, title: string, detail?: string) =>
  new Response(JSON.stringify({ errors: [{ status: String(status), title, ...(detail ? { detail } : {}) }] }), {
    status,
    headers: { "content-type": "application/json" },
  });

describe("signInFailure", () => {
  it("wrong email or password (401): one message that does not say which", async () => {
    const e = await signInFailure(epError(401, "Unauthorized"));
    expect(e.kind).toBe("credentials");
    expect(e.message).toMatch(/does not say which/);
  });

  it("a locked or disabled shopper: says so, with Elastic Path's words and what to do", async () => {
    for (const response of [
      epError(423, "Locked", "Account locked after failed attempts"),
      epError(403, "Forbidden", "This user is disabled"),
    ]) {
      const e = await signInFailure(response);
      expect(e.kind).toBe("locked");
      expect(e.message).toMatch(/locked or disabled/);
      expect(e.message).toMatch(/Commerce Manager/);
    }
    const throttled = await signInFailure(epError(429, "Too Many Requests"));
    expect(throttled.kind).toBe("locked");
    expect(throttled.message).toMatch(/try again/);
  });

  it("any other refusal names Elastic Path's title and detail; a 403 without a lock word is not called a lock", async () => {
    const e = await signInFailure(epError(403, "Forbidden", "You do not have permission to access this resource"));
    expect(e.kind).toBe("other");
    expect(e.message).toContain("Forbidden: You do not have permission");
  });
});

describe("readOrder", () => {
  afterEach(() => vi.unstubAllGlobals());
  const implicit = { baseUrl: "https://ep.test", accessToken: "implicit" };
  const auth = { kind: "customer" as const, customerId: "c1", token: "shopper" };

  it("someone else's order is 'not found' whether Elastic Path answers 404 or 403", async () => {
    for (const status of [404, 403]) {
      vi.stubGlobal(
        "fetch",
        vi.fn(async (url: string) =>
          url.includes("/v2/orders/") ? epError(status, "Error") : new Response(JSON.stringify({ data: [] }), { status: 200 }),
        ),
      );
      await expect(readOrder(implicit, auth, "someone-elses")).rejects.toMatchObject({ kind: "not_found" });
    }
  });

  it("an ended shopper token is 'expired', not 'not found'", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => epError(403, "Forbidden")),
    );
    await expect(readOrder(implicit, auth, "mine")).rejects.toMatchObject({ kind: "expired" });
  });

  it("sends the implicit token as Bearer and the shopper's token in its own header", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { id: "o1", status: "complete" } }), { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    await readOrder(implicit, { kind: "account", accountId: "a1", token: "member" }, "o1");
    expect(fetch).toHaveBeenCalledWith(
      "https://ep.test/v2/orders/o1",
      expect.objectContaining({
        headers: expect.objectContaining({
          authorization: "Bearer implicit",
          "EP-Account-Management-Authentication-Token": "member",
        }),
      }),
    );
  });
});
