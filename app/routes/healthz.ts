import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";

// Load balancers ask this; it answers 200 only when the database answers.
export async function loader({ context }: LoaderFunctionArgs) {
  try {
    await context.db.execute(sql`select 1`);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("healthz: database unreachable", error);
    return Response.json({ status: "unavailable", reason: "database" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
