import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import SlowFirstSequencer from "./tests/support/sequencer.ts";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // vitest's default is cores - 1, one worker on the 2-core CI machines; at least two, since many files wait on child
    // processes, servers or Chromium rather than compute.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker runs file after file in the same process, so the modules they import (langchain, the agent, nlp.js:
    // 2–4 s of CPU per file when every file gets a fresh process) load once per worker. Every test file is still
    // evaluated afresh; shared state lives only in test helpers that build read-only or copied worlds
    // (tests/support/db-images.ts), and no test stubs globals, env or timers.
    isolate: false,
    globalSetup: ["./tests/support/global-setup.ts"],
    sequence: { sequencer: SlowFirstSequencer },
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
