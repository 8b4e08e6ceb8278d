/**
 * The scenario format's documented examples (evals/README.md) are valid scenarios, and the scripted one passes with
 * the offline consultant: the documentation cannot drift from the format.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { evalModelFactory, parseScenarioFile, runEvals } from "../../evals/index.ts";

const readme = readFileSync("evals/README.md", "utf8");
const examples = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m, i) =>
  parseScenarioFile(`evals/scenarios/readme-example-${i}.json`, m[1]!),
);

describe("evals/README.md examples", () => {
  test("one scripted and one persona scenario, both valid", () => {
    expect(examples.map((e) => (e[0]!.steps ? "script" : "persona"))).toEqual(["script", "persona"]);
    // The persona example is the suite's own file, word for word.
    const [file] = parseScenarioFile("f", readFileSync("evals/scenarios/persona/seal-for-pump-2.json", "utf8"));
    expect({ ...examples[1]![0]!, file: "f" }).toEqual(file);
  });

  test("the scripted example passes with the offline consultant", async () => {
    const { summary, results } = await runEvals({ scenarios: examples[0]!, makeModel: evalModelFactory("offline") });
    expect(results[0]!.diff).toEqual([]);
    expect(summary).toMatchObject({ trials: 1, passed: 1, leaks: 0 });
  }, 60_000);
});
