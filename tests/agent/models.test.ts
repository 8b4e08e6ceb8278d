import { expect, test } from "vitest";
import { ChatOpenAI } from "@langchain/openai";
import { selectModel } from "../../agent/models/index.ts";
import { createOpenAIModel } from "../../agent/models/openai.ts";
import { world } from "./helpers.ts";

test("OpenAI(-compatible) when a key or base URL is set, else the built-in offline consultant", async () => {
  const db = world();
  const openai = await selectModel({ db, env: { OPENAI_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_MODEL: "qwen2.5" } });
  expect(openai.provider).toBe("openai");
  expect(openai.model).toBeInstanceOf(ChatOpenAI);
  expect((await selectModel({ db, env: { OPENAI_API_KEY: "sk-test" } })).provider).toBe("openai");
  expect((await selectModel({ db, env: {} })).provider).toBe("offline");
});

test("OpenAI settings come from the environment, with clear errors for bad values", () => {
  const model = createOpenAIModel({
    OPENAI_API_KEY: "sk-test",
    OPENAI_MODEL: "gpt-4.1-mini",
    OPENAI_TIMEOUT_MS: "1234",
    OPENAI_MAX_RETRIES: "1",
  });
  expect(model.model).toBe("gpt-4.1-mini");
  expect(model.timeout).toBe(1234);
  expect(() => createOpenAIModel({ OPENAI_BASE_URL: "not a url" })).toThrow(/OPENAI_BASE_URL/);
});
