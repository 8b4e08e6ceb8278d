/** The shape of a message catalogue: one template function per key, typed by that key's params. */
import type { Formatter } from "./format.ts";
import type { MessageKey, MessageParams } from "./schema.ts";

export type Catalogue = { [K in MessageKey]: (p: MessageParams<K>, f: Formatter) => string };
