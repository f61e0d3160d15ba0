import { describe, expect, it } from "vitest";
import { safeRelativePath } from "./safe-redirect";

describe("safeRelativePath", () => {
  it.each(["/stores", "/stores/abc?tab=keys", "/audit#x"])("keeps %s", (p) => expect(safeRelativePath(p)).toBe(p));
  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, "/\tfoo", "stores"])(
    "refuses %s",
    (p) => expect(safeRelativePath(p)).toBe("/stores"),
  );
});
