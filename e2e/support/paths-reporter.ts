import type { FullResult, Reporter } from "@playwright/test/reporter";

/** Prints where the reports of a run were written, so nobody has to guess. */
export default class PathsReporter implements Reporter {
  onEnd(result: FullResult) {
    console.log(`\nRun ${result.status}. Reports:`);
    console.log("  HTML:   playwright-report/index.html   (npx playwright show-report)");
    console.log("  JUnit:  test-results/junit.xml");
    console.log("  Traces and screenshots of failures: test-results/artifacts/");
  }
}
