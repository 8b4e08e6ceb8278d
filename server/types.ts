/** The Hono environment of the app: what middleware puts on the context for the routes. */
import type { Logger } from "pino";
import type { RepSession, Session } from "./auth/index.ts";

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    session: Session;
    rep: RepSession;
  };
}
