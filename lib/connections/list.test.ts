// The stores table query: every sort and direction pages through the same order as one `NULLS LAST` query
// (the list reads valued and empty rows separately to stay on indexes), and the search finds names and ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindTestDatabase, setTestEnv } from "@/testing/lifecycle";
import type { TestDatabase } from "@/testing/test-db";
import { seedConnections } from "@/scripts/seed-connections";

setTestEnv();
const { listConnections, listFiltersSchema, PAGE_SIZE } = await import("./list");

const ROWS = 60; // 15 never used, 20 without access expiry: page boundaries fall inside and after the valued rows
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await bindTestDatabase();
  await seedConnections(testDb.db, ROWS);
});
afterAll(async () => testDb.drop());

async function allPages(params: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const { rows, pages, total } = await listConnections(listFiltersSchema.parse({ ...params, page: String(page) }));
    expect(rows.length).toBeLessThanOrEqual(PAGE_SIZE);
    ids.push(...rows.map((r) => r.id));
    if (page >= pages) {
      expect(ids).toHaveLength(total);
      return ids;
    }
  }
}

describe("listConnections", () => {
  for (const sort of ["accessExpiresAt", "lastUsedAt", "lastRefreshAt", "createdAt", "displayName"] as const) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages through ${sort} ${dir} in the one-query order, empty values last`, async () => {
        const expected = await testDb.db.connection.findMany({
          orderBy: [{ [sort]: sort === "createdAt" || sort === "displayName" ? dir : { sort: dir, nulls: "last" } }, { id: dir }],
          select: { id: true },
        });
        expect(await allPages({ sort, dir })).toEqual(expected.map((r) => r.id));
      });
    }
  }

  it("keeps filters on both halves of a nulls-last sort", async () => {
    const ids = await allPages({ sort: "lastUsedAt", dir: "desc", platform: "OAUTH2" });
    const expected = await testDb.db.connection.findMany({
      where: { platform: "OAUTH2" },
      orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      select: { id: true },
    });
    expect(ids).toEqual(expected.map((r) => r.id));
    expect(ids.length).toBe(ROWS / 3);
  });

  it("finds a store by exact id and names by a case-insensitive fragment", async () => {
    const byId = await listConnections(listFiltersSchema.parse({ q: "seed-42" }));
    expect(byId.rows.map((r) => r.externalId)).toEqual(["seed-42"]);

    const byName = await listConnections(listFiltersSchema.parse({ q: "kYoTo" }));
    const all = await testDb.db.connection.findMany({ select: { displayName: true } });
    expect(byName.total).toBe(all.filter((r) => r.displayName.toLowerCase().includes("kyoto")).length);
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.rows.every((r) => /kyoto/i.test(r.displayName))).toBe(true);
  });

  it("treats LIKE wildcards in the search as text", async () => {
    expect((await listConnections(listFiltersSchema.parse({ q: "%" }))).total).toBe(0);
    expect((await listConnections(listFiltersSchema.parse({ q: "_" }))).total).toBe(0);
  });

  it("answers a page past the end with no rows rather than an error", async () => {
    const { rows, total } = await listConnections(listFiltersSchema.parse({ sort: "lastUsedAt", page: "99" }));
    expect(rows).toEqual([]);
    expect(total).toBe(ROWS);
  });
});
