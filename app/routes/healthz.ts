import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { withDatabaseDeadline } from "~db/availability.server";

/** A load balancer must hear back promptly even when the database hangs rather than refuses. */
const HEALTH_DEADLINE_MS = 1000;

// Load balancers ask this; it answers 200 only when the database answers, 503 otherwise, within a second.
export async function loader({ context }: LoaderFunctionArgs) {
  try {
    await withDatabaseDeadline(HEALTH_DEADLINE_MS, () => context.db.execute(sql`select 1`));
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("healthz: database unreachable:", error instanceof Error ? error.message : error);
    return Response.json(
      { status: "unavailable", reason: "database" },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
    );
  }
}
