/** The catalog repositories: what the checks and the agent's tools read. */
export { createCatalogReader } from "./reader.ts";
export { editDistance } from "./sku-match.ts";
export type * from "./types.ts";
