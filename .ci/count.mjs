// Sums vitest (JSON reporter) and Playwright (JUnit) results of every CI run into one closing line.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of existsSync(dir) ? readdirSync(dir) : []) {
  const text = readFileSync(join(dir, file), "utf8");
  if (file.endsWith("-vitest.json")) {
    const r = JSON.parse(text);
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  } else if (file.endsWith("-junit.xml")) {
    const suites = /<testsuites[^>]*tests="(\d+)"[^>]*failures="(\d+)"[^>]*skipped="(\d+)"[^>]*errors="(\d+)"/.exec(text);
    if (suites) {
      const [, tests, failures, skip, errors] = suites.map(Number);
      failed += failures + errors;
      skipped += skip;
      passed += tests - failures - errors - skip;
    }
  }
}
// A run that failed before any test reported (typecheck, lint, build) still counts as a failure.
if (status !== "0" && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
