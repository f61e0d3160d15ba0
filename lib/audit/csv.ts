// CSV for spreadsheets (RFC 4180) with formula-injection protection: a cell an attacker controls (an email,
// a store name) must never be evaluated by Excel or Sheets as a formula when an admin opens the export.

/** Leading characters spreadsheets treat as a formula (OWASP "CSV injection"), plus tab and CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  // Prefix with an apostrophe so the cell is shown as text; the apostrophe is visible in the data, by design.
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
