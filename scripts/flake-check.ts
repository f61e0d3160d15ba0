// npm run test:flake -- [--runs 10] [--workers 2] [playwright args…]
// Runs the e2e suite N times in a row and reports, per test, how many runs it passed. A test that passes
// some runs and fails others is flaky: fix it, don't retry it into green. Report: test-results/flake-report.md
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  options: { runs: { type: "string", default: "10" }, workers: { type: "string", default: "2" } },
  allowPositionals: true,
});
const runs = Number(values.runs);
const results = new Map<string, { passed: number; failed: number }>();

for (let run = 1; run <= runs; run++) {
  console.log(`── run ${run}/${runs}`);
  const junit = `test-results/flake-run-${run}.xml`;
  spawnSync("npx", ["playwright", "test", `--workers=${values.workers}`, "--reporter=dot,junit", ...positionals], {
    stdio: "inherit",
    env: { ...process.env, PLAYWRIGHT_JUNIT_OUTPUT_NAME: junit },
  });
  if (!existsSync(junit)) {
    console.error(`run ${run} produced no report (the harness failed to start?)`);
    continue;
  }
  const xml = readFileSync(junit, "utf8");
  for (const match of xml.matchAll(/<testcase name="([^"]*)" classname="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const key = `${match[2]} › ${match[1]}`;
    const entry = results.get(key) ?? { passed: 0, failed: 0 };
    const body = match[4] ?? "";
    if (/<skipped/.test(body)) continue;
    if (/<failure|<error/.test(body)) entry.failed++;
    else entry.passed++;
    results.set(key, entry);
  }
}

const rows = [...results.entries()].sort(([, a], [, b]) => b.failed - a.failed);
const flaky = rows.filter(([, r]) => r.failed > 0);
const report = [
  `# Flake check: ${runs} runs, ${values.workers} workers`,
  "",
  flaky.length ? `**${flaky.length} test(s) failed at least once.**` : "Every test passed every run.",
  "",
  "| test | passed | failed |",
  "|---|---|---|",
  ...rows.map(([name, r]) => `| ${name.replace(/\|/g, "\\|")} | ${r.passed} | ${r.failed} |`),
].join("\n");
mkdirSync("test-results", { recursive: true });
writeFileSync("test-results/flake-report.md", report + "\n");
console.log(`\n${report}\n\nWritten to test-results/flake-report.md`);
process.exit(flaky.length ? 1 : 0);
