import type { AppLoadContext } from "@remix-run/node";
import type { Database } from "~db/client.server";
import { readEnv } from "~/env.server";

export const TEST_LINK_SECRET = "test-link-secret-0123456789abcdef0123456789";

/** The context server.ts would hand a loader, for calling loaders directly in tests. */
export function testLoadContext(db: Database, origin = "http://podium.test"): AppLoadContext {
  return {
    db,
    env: readEnv({ NODE_ENV: "test" }),
    origin,
    links: { origin, secret: TEST_LINK_SECRET },
    cspNonce: "test-nonce",
    requestId: "test-request",
  } as AppLoadContext;
}

export function requestFor(path: string, { viewerZone }: { viewerZone?: string } = {}): Request {
  const headers = new Headers();
  if (viewerZone) headers.set("Cookie", `podium-tz=${encodeURIComponent(viewerZone)}`);
  return new Request(`http://podium.test${path}`, { headers });
}
