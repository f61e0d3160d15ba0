import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-db";
import { retentionDays, RETENTION_AUDIT_ACTION } from "@/lib/requests/retention";
import { parseAuditFilters } from "./filters";
import { AUDIT_PAGE_SIZE, auditCsv, listAuditEvents } from "./query";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const base = new Date("2026-02-01T08:00:00.000Z").getTime();
  await t.db.auditEvent.createMany({
    data: Array.from({ length: 1203 }, (_, i) => ({
      action: i % 3 === 0 ? "auth.sign_in" : i % 3 === 1 ? "auth.sign_in_failed" : "user.created",
      actorEmail: i % 2 === 0 ? "Owner@Example.test" : "=cmd|' /C calc'!A0",
      createdAt: new Date(base + i * 3_600_000),
      data: { n: i },
    })),
  });
});

afterAll(async () => {
  await t.drop();
});

describe("listAuditEvents", () => {
  it("filters by action prefix, actor (case-insensitive) and inclusive UTC days, and paginates", async () => {
    const all = await listAuditEvents(parseAuditFilters({}), t.db);
    expect(all.total).toBe(1203);
    expect(all.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(all.pages).toBe(Math.ceil(1203 / AUDIT_PAGE_SIZE));
    expect(all.rows[0]!.createdAt.getTime()).toBeGreaterThan(all.rows[1]!.createdAt.getTime());

    expect((await listAuditEvents(parseAuditFilters({ action: "auth." }), t.db)).total).toBe(802);
    expect((await listAuditEvents(parseAuditFilters({ action: "user.created" }), t.db)).total).toBe(401);
    expect((await listAuditEvents(parseAuditFilters({ actor: "owner@example" }), t.db)).total).toBe(602);
    // 2026-02-01 08:00 → 23:00 is 16 events; the whole of 02-02 another 24.
    expect((await listAuditEvents(parseAuditFilters({ from: "2026-02-01", to: "2026-02-02" }), t.db)).total).toBe(40);
    const last = await listAuditEvents(parseAuditFilters({ page: "25" }), t.db);
    expect(last.rows).toHaveLength(1203 - 24 * AUDIT_PAGE_SIZE);
  });

  it("ignores malformed filters instead of failing", () => {
    expect(parseAuditFilters({ from: "yesterday", page: "-3", action: ["a", "b"] })).toEqual({
      action: "a",
      actor: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });
});

describe("auditCsv", () => {
  it("streams every filtered row once, across cursor pages, with formulas neutralised", async () => {
    let csv = "";
    for await (const chunk of auditCsv({ action: "auth." }, t.db)) csv += chunk;
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("time_utc,action,actor_email,actor_id,target_type,target_id,ip,data");
    expect(lines).toHaveLength(803);
    expect(new Set(lines).size).toBe(803);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
    expect(csv).toContain(`'=cmd|' /C calc'!A0`);
  });
});

describe("retentionDays", () => {
  it("defaults to 30 and follows the latest valid change", async () => {
    expect(await retentionDays(t.db)).toBe(30);
    await t.db.auditEvent.create({
      data: { action: RETENTION_AUDIT_ACTION, data: { days: 7 }, createdAt: new Date("2026-01-01") },
    });
    await t.db.auditEvent.create({
      data: { action: RETENTION_AUDIT_ACTION, data: { days: 90 }, createdAt: new Date("2026-01-02") },
    });
    expect(await retentionDays(t.db)).toBe(90);
  });
});
