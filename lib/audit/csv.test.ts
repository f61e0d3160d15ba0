import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csvCell", () => {
  it("leaves plain values alone and empties null/undefined", () => {
    expect(csvCell("user.created")).toBe("user.created");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("x\r\ny")).toBe('"x\r\ny"');
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  it.each(['=HYPERLINK("http://evil")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"])("neutralises the formula %j", (formula) => {
    const cell = csvCell(formula);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
    expect(unquoted.startsWith("'")).toBe(true);
    expect(unquoted.slice(1)).toBe(formula);
  });

  it("serialises dates as ISO and objects as JSON (quoted)", () => {
    expect(csvCell(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(csvCell({ email: "a@b.c", role: "ADMIN" })).toBe('"{""email"":""a@b.c"",""role"":""ADMIN""}"');
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["a", "b,c", null, "=1"])).toBe('a,"b,c",,\'=1\r\n');
  });
});
