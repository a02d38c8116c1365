// The bench's API row: GET /api/v1/events/:id/registrations?limit=100 (one page of 100 with
// a bearer token, authenticated, rate-limited and counted in the database on every request).
// Runs its own app in this process on a fresh database so it needs nothing from the main bench.
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import autocannon from "autocannon";
import { openDatabase } from "../db/client.server";
import { migrateDatabase } from "../db/migrate.server";
import { createEvent } from "../db/factories";
import { eventOrganizers } from "../db/schema";
import { createApiToken } from "../app/api/api-tokens.server";
import { createUser } from "../app/auth/users.server";
import { readEnv } from "../app/env.server";
import { registerAttendee } from "../app/registrations/register.server";
import { createHttpApp } from "../app/server/http-app.server";
import type { BenchRow } from "./row";


export async function measureApiRegistrationsPage({ seconds, connections, databaseUrl }: { seconds: number; connections: number; databaseUrl?: string }): Promise<BenchRow> {
  const handle = databaseUrl ? await openDatabase({ databaseUrl }) : await openDatabase({ dataDir: "memory://" });
  await migrateDatabase(handle);
  const db = handle.db;
  const links = { origin: "http://127.0.0.1", secret: "bench-link-secret-0123456789abcdef0123456789" };
  const user = await createUser(db, { email: `bench-api-${Date.now()}@example.edu`, name: "Bench", password: "correct horse battery", role: "organizer" });
  const startsAt = new Date(Date.now() + 14 * 86_400_000);
  const event = await createEvent(db, { title: "API bench", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), capacity: 120 });
  await db.insert(eventOrganizers).values({ eventId: event.id, userId: user.id });
  for (let i = 0; i < 150; i += 1) {
    await registerAttendee(db, { eventId: event.id, input: { name: `Person ${i}`, email: `p${i}@example.edu`, affiliation: "", timeZone: "Europe/Stockholm", answers: {} }, now: new Date(), links });
  }
  const token = await createApiToken(db, { user, name: "bench", scope: "read", eventIds: null });
  if (!token.ok) throw new Error(token.message);
  const build = (await import(path.resolve("build/server/index.js"))) as ServerBuild;
  const env = readEnv({ NODE_ENV: "production", PODIUM_API_RATE_LIMIT: "1000000", PODIUM_TRUST_PROXY: "false" });
  const app = createHttpApp({ db, env, linkSecret: links.secret, publicOrigin: "http://127.0.0.1", build });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/v1/events/${event.id}/registrations?limit=100`,
      connections,
      duration: seconds,
      headers: { authorization: `Bearer ${token.secret}` },
    });
    return {
      scenario: "API: GET /api/v1/events/:id/registrations (page of 100)",
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await handle.close();
  }
}
