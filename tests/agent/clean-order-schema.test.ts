import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { cleanOrderJsonSchema } from "../../tools/clean-order.ts";

const FILE = resolve(import.meta.dirname, "../../docs/clean-order.schema.json");

// Regenerate with: UPDATE_SCHEMA=1 npx vitest run tests/agent/clean-order-schema.test.ts
test("docs/clean-order.schema.json is the JSON Schema generated from the zod clean-order schema", () => {
  const generated = `${JSON.stringify(cleanOrderJsonSchema(), null, 2)}\n`;
  if (process.env.UPDATE_SCHEMA === "1") writeFileSync(FILE, generated);
  expect(readFileSync(FILE, "utf8")).toBe(generated);
  const schema = JSON.parse(generated);
  expect(schema.properties.schemaVersion.const).toBe("2.0");
  expect(schema.properties.header.required).toEqual(
    expect.arrayContaining(["orderId", "idempotencyKey", "customerId", "confirmedDraftHash"]),
  );
});
