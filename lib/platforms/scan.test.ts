import { describe, expect, it } from "vitest";
import { MAX_SCAN, scanPages } from "./scan";

describe("scanPages", () => {
  it("reads pages until the platform says there is no next one", async () => {
    const offsets: number[] = [];
    const all = await scanPages(async (offset) => {
      offsets.push(offset);
      return { items: [offset, offset + 1], next: offset < 4 ? offset + 2 : null };
    });
    expect(offsets).toEqual([0, 2, 4]);
    expect(all).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it(`stops once ${MAX_SCAN} records are read, however many the platform has`, async () => {
    let calls = 0;
    const all = await scanPages(async (offset) => {
      calls++;
      return { items: Array.from({ length: 100 }, (_, i) => offset + i), next: offset + 100 };
    });
    expect(all).toHaveLength(MAX_SCAN);
    expect(calls).toBe(MAX_SCAN / 100);
  });
});
