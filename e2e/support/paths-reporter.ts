import { mkdirSync, writeFileSync } from "node:fs";
import type { FullResult, Reporter, Suite } from "@playwright/test/reporter";

export const FLAKY_REPORT = "test-results/flaky.txt";

/**
 * Prints where the reports of a run were written, so nobody has to guess, and names the tests that failed
 * first and passed on a retry (CI retries once): JUnit counts those as passed, and a flake nobody sees is
 * a flake nobody fixes. CI prints the list again beside its closing line.
 */
export default class PathsReporter implements Reporter {
  private root: Suite | undefined;

  onBegin(_config: unknown, suite: Suite) {
    this.root = suite;
  }

  onEnd(result: FullResult) {
    const flaky = (this.root?.allTests() ?? [])
      .filter((test) => test.outcome() === "flaky")
      .map(
        (test) =>
          `${test.location.file.replace(`${process.cwd()}/`, "")}:${test.location.line} > ${test.titlePath().filter(Boolean).join(" > ")}`,
      );
    mkdirSync("test-results", { recursive: true });
    writeFileSync(FLAKY_REPORT, flaky.map((line) => `${line}\n`).join(""));
    if (flaky.length) console.log(`\nFlaky (failed, then passed on a retry):\n${flaky.map((line) => `  ${line}`).join("\n")}`);
    console.log(`\nRun ${result.status}. Reports:`);
    console.log("  HTML:   playwright-report/index.html   (npx playwright show-report)");
    console.log("  JUnit:  test-results/junit.xml");
    console.log(`  Flaky:  ${FLAKY_REPORT}`);
    console.log("  Traces and screenshots of failures: test-results/artifacts/");
  }
}
