import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-db";
import { changeUserAccess, UserAccessError } from "./users";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.drop();
});

const user = (email: string, role: "OWNER" | "ADMIN" | "VIEWER", active = true) =>
  t.db.user.create({ data: { email, role, active, passwordHash: "x" } });

describe("changeUserAccess: at least one active OWNER remains", () => {
  it("refuses to demote the only owner", async () => {
    const owner = await user("o@x.test", "OWNER");
    await expect(changeUserAccess(t.db, { userId: owner.id, role: "ADMIN" })).rejects.toThrow(UserAccessError);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: owner.id } })).role).toBe("OWNER");
  });

  it("refuses to deactivate the only active owner, even when a deactivated owner exists", async () => {
    const owner = await user("o@x.test", "OWNER");
    await user("old@x.test", "OWNER", false);
    await expect(changeUserAccess(t.db, { userId: owner.id, active: false })).rejects.toThrow(/only active owner/);
  });

  it("allows demoting an owner when another active owner remains", async () => {
    const a = await user("a@x.test", "OWNER");
    await user("b@x.test", "OWNER");
    const { before, after } = await changeUserAccess(t.db, { userId: a.id, role: "VIEWER" });
    expect(before.role).toBe("OWNER");
    expect(after.role).toBe("VIEWER");
  });

  it("two owners demoting each other at once: exactly one succeeds", async () => {
    const a = await user("a@x.test", "OWNER");
    const b = await user("b@x.test", "OWNER");
    const results = await Promise.allSettled([
      changeUserAccess(t.db, { userId: a.id, role: "ADMIN" }),
      changeUserAccess(t.db, { userId: b.id, active: false }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.user.count({ where: { role: "OWNER", active: true } })).toBe(1);
  });

  it("changes admins and viewers freely and reactivates accounts", async () => {
    await user("o@x.test", "OWNER");
    const v = await user("v@x.test", "VIEWER", false);
    const { after } = await changeUserAccess(t.db, { userId: v.id, active: true, role: "ADMIN" });
    expect(after).toMatchObject({ role: "ADMIN", active: true });
  });

  it("reports a missing account", async () => {
    await expect(changeUserAccess(t.db, { userId: "nope" })).rejects.toThrow(/no longer exists/);
  });
});
