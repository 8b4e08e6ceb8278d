/**
 * The order test files start in. Vitest starts the files that took longest in the previous run first, from its
 * results cache in node_modules/.vite; a fresh clone has no such cache, and vitest then starts the largest files
 * first, which puts short, slow files (the chaos run, the eval gate, the browser tests) at the end of the run, where
 * one of them keeps one worker busy long after the other has run out of files. So the files that were slowest in a
 * fresh-clone CI run start first, in this order, and the rest follow in vitest's own order. The list is a hint for
 * speed only: a file missing from it or no longer slow changes nothing but the run's length.
 */
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

export const SLOW_FIRST = [
  "tests/shield/chaos.test.ts",
  "tests/evals/runner.test.ts",
  "tests/e2e/widget.test.ts",
  "tests/server/main.test.ts",
  "tests/evals/compare.test.ts",
  "tests/reliability/load.test.ts",
  "tests/catalog/import-cli.test.ts",
  "tests/server/keepalive.test.ts",
  "tests/server/two-processes.test.ts",
  "tests/reliability/bad-input.test.ts",
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.indexOf(relative(f.project.config.root, f.moduleId).replaceAll("\\", "/"));
      return i === -1 ? SLOW_FIRST.length : i;
    };
    // Array.prototype.sort is stable: files off the list keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
