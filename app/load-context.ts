import type { Database } from "~db/client.server";
import type { Env } from "./env.server";
import type { LinkSigner } from "./security/link-tokens.server";
import type { PublicDataCache } from "./server/public-data-cache.server";

// What server.ts hands every loader and action: the database (PGlite or
// PostgreSQL, the routes cannot tell), the checked environment and per-request values.
export interface PodiumLoadContext {
  db: Database;
  env: Env;
  /** Absolute origin for links that leave the page (calendars, emails). */
  origin: string;
  /** Signs private links (manage, join, speaker portal) for this origin. */
  links: LinkSigner;
  /** Public pages' reads kept per content version; absent in tests and development. */
  publicData?: PublicDataCache | null;
  cspNonce: string;
  requestId: string;
  /** The submitted form's text fields as the request guard read them; empty for a GET or JSON. */
  submittedFields: ReadonlyArray<readonly [string, string]>;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PodiumLoadContext {}
}
