// Sums vitest (JSON reporter) and Playwright (JUnit) results of every CI run into one closing line, and names
// every failed test just above it: CI keeps only the tail of the output, and a count without a name cannot be
// reproduced.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const flaky = [];

const firstLine = (text) =>
  String(text ?? "")
    .split("\n")
    .find((line) => line.trim()) ?? "";
const unescapeXml = (text) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

for (const file of existsSync(dir) ? readdirSync(dir) : []) {
  const text = readFileSync(join(dir, file), "utf8");
  const run = file.replace(/\.(json|xml|txt)$/, "");
  if (file.endsWith("-vitest.json")) {
    const r = JSON.parse(text);
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    for (const suite of r.testResults ?? []) {
      const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === "failed");
      for (const t of failedTests) failures.push(`${run}: ${suite.name} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
      // A file that failed to load or whose hooks threw has no failed test of its own.
      if (suite.status === "failed" && failedTests.length === 0) {
        failed += 1;
        failures.push(`${run}: ${suite.name}: ${firstLine(suite.message)}`);
      }
    }
  } else if (file.endsWith("-flaky.txt")) {
    for (const line of text.split("\n").filter(Boolean)) flaky.push(`${run}: ${line}`);
  } else if (file.endsWith("-junit.xml")) {
    const suites = /<testsuites[^>]*tests="(\d+)"[^>]*failures="(\d+)"[^>]*skipped="(\d+)"[^>]*errors="(\d+)"/.exec(text);
    if (suites) {
      const [, tests, failuresCount, skip, errors] = suites.map(Number);
      failed += failuresCount + errors;
      skipped += skip;
      passed += tests - failuresCount - errors - skip;
    }
    for (const match of text.matchAll(
      /<testcase name="([^"]*)" classname="([^"]*)"[^>]*>\s*<(failure|error) message="([^"]*)"/g,
    )) {
      failures.push(`${run}: ${unescapeXml(match[2])} > ${unescapeXml(match[1])}: ${firstLine(unescapeXml(match[4]))}`);
    }
  }
}
// A run that failed before any test reported (typecheck, lint, build) still counts as a failure.
if (status !== "0" && failed === 0) {
  failed = 1;
  failures.push("a step failed before its tests reported (typecheck, lint, build or a crash): see its log above");
}
for (const line of flaky) console.log(`FLAKY ${line.slice(0, 400)}`);
for (const failure of failures) console.log(`FAILED ${failure.slice(0, 400)}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
