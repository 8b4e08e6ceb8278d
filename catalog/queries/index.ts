/** The catalog repositories: what the checks and the agent's tools read. */
export { createCatalogReader, editDistance } from "./reader.ts";
export type * from "./types.ts";
