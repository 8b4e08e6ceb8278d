/** The catalog repositories: what the checks and the agent's tools read. */
export { createCatalogReader, ERP_SETTLED_ORDER_STATUSES } from "./reader.ts";
export { editDistance } from "./sku-match.ts";
export type * from "./types.ts";
export {
  createThreadRegistry,
  THREAD_STATUSES,
  type ThreadRecord,
  type ThreadRegistry,
  type ThreadStatus,
  type ThreadOwnerClaim,
} from "./threads.ts";
