// The bench's registration rows (issue 12 item 4): the registration POST over HTTP,
// the same transaction straight through the driver (the ceiling), and how many
// seats were handed out beyond capacity once both have run (must be 0). The event
// has a limited capacity that fills early in the run, so most registrations take
// the waitlist path and the seat decision is exercised under load.
//
// `bench/run.ts` calls `registrationRows`; `tsx bench/registration.ts` runs these
// rows alone against a fresh PostgreSQL database (DATABASE_URL), for measuring.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import postgres from "postgres";
import type { BenchRow } from "./row";


export interface RegistrationBenchOptions {
  /** The running app, e.g. http://127.0.0.1:3390 */
  base: string;
  /** An upcoming published event with a capacity and no required questions (the seed's has 200 seats). */
  slug: string;
  connections: number;
  seconds: number;
  /** The app's PostgreSQL database; without it only the HTTP row is measured. */
  databaseUrl?: string;
}

/** Both registration rows first run this long unmeasured, so neither is timed while its code is still cold. */
const WARM_UP_SECONDS = 1;

/** POST /events/:slug with a new attendee each time; each request looks like a new visitor (own address, own email). */
export async function measureRegistrationOverHttp(options: RegistrationBenchOptions): Promise<BenchRow> {
  await postRegistrations({ ...options, seconds: WARM_UP_SECONDS });
  return postRegistrations(options);
}

let visitors = 0;

async function postRegistrations({ base, slug, connections, seconds }: RegistrationBenchOptions): Promise<BenchRow> {
  const run = randomBytes(3).toString("hex");
  const result = await autocannon({
    url: `${base}/events/${slug}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          visitors += 1;
          const n = visitors;
          return {
            ...request,
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              origin: base,
              "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
            body: new URLSearchParams({ name: `Bench ${n}`, email: `bench-${run}-${n}@example.edu`, timeZone: "Europe/Stockholm", consent: "on" }).toString(),
          };
        },
      },
    ],
  });
  const redirects = result.statusCodeStats?.["302"]?.count ?? 0;
  return {
    scenario: "registration over HTTP (POST, 302)",
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + (result.non2xx - redirects),
  };
}

/**
 * The ceiling: what the lifecycle does for a newcomer, written by hand straight
 * through the driver with the same concurrency: lock the event, take a seat or
 * the next waitlist ticket, insert the registration, its journal row and its
 * outbox row.
 */
export async function measureRawRegistration({ slug, connections, seconds, databaseUrl }: RegistrationBenchOptions & { databaseUrl: string }): Promise<BenchRow> {
  const sql = postgres(databaseUrl, { max: connections, onnotice: () => {} });
  const [event] = await sql<{ id: string }[]>`select id from events where slug = ${slug}`;
  const latencies: number[] = [];
  let errors = 0;
  const measureFrom = Date.now() + WARM_UP_SECONDS * 1000;
  const deadline = measureFrom + seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const measured = Date.now() >= measureFrom;
      const started = performance.now();
      try {
        await sql.begin(async (tx) => {
          const [locked] = await tx<{ capacity: number | null; seats_taken: number; waitlist_tickets_issued: number }[]>`
            select capacity, seats_taken, waitlist_tickets_issued from events where id = ${event!.id} for update`;
          const full = locked!.capacity !== null && locked!.seats_taken >= locked!.capacity;
          const ticket = full ? locked!.waitlist_tickets_issued + 1 : null;
          await tx`update events set ${full ? tx`waitlist_length = waitlist_length + 1, waitlist_tickets_issued = ${ticket}` : tx`seats_taken = seats_taken + 1`} where id = ${event!.id}`;
          const id = randomUUID();
          const status = full ? "waitlisted" : "confirmed";
          await tx`insert into registrations (id, event_id, email, name, time_zone, status, waitlist_ticket, invite_sequence, consent_at, manage_token_hash, join_token_hash)
            values (${id}, ${event!.id}, ${`raw-${id}@example.edu`}, 'Raw', 'Europe/Stockholm', ${status}, ${ticket}, 1, now(), ${`m-${id}`}, ${`j-${id}`})`;
          await tx`insert into registration_events (event_id, registration_id, transition, from_state, to_state, actor_kind, actor_label, invite_sequence, occurred_at)
            values (${event!.id}, ${id}, 'register', null, ${status}, 'attendee', 'Raw', 1, now())`;
          await tx`insert into email_outbox (dedupe_key, template, to_email, props, registration_id, event_id) values (${`raw/${id}`}, 'registration-confirmed', ${`raw-${id}@example.edu`}, '{}'::jsonb, ${id}, ${event!.id})`;
        });
        if (measured) latencies.push(performance.now() - started);
      } catch {
        if (measured) errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await sql.end({ timeout: 5 });
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { scenario: "same transaction, raw PostgreSQL driver", requestsPerSecond: latencies.length / seconds, p50: pick(0.5), p99: pick(0.99), errors, versus: "1.00× (ceiling)" };
}

/** Seats handed out beyond capacity (never by hand in the bench), and how many waited, after the runs. */
export async function countOverbooked({ slug, databaseUrl }: { slug: string; databaseUrl: string }): Promise<{ overbooked: number; confirmed: number; waitlisted: number; capacity: number | null }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ capacity: number | null; confirmed: number; waitlisted: number }[]>`
      select e.capacity,
             count(*) filter (where r.status = 'confirmed')::int as confirmed,
             count(*) filter (where r.status = 'waitlisted')::int as waitlisted
      from events e left join registrations r on r.event_id = e.id
      where e.slug = ${slug} group by e.id`;
    const capacity = row!.capacity;
    return { overbooked: capacity === null ? 0 : Math.max(0, row!.confirmed - capacity), confirmed: row!.confirmed, waitlisted: row!.waitlisted, capacity };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * The registration rows of `npm run bench`, in the same run: HTTP, the raw
 * ceiling and the overbooked count (the latter two need the app's PostgreSQL).
 */
export async function registrationRows(options: RegistrationBenchOptions): Promise<BenchRow[]> {
  if (!options.databaseUrl) return [{ ...(await measureRegistrationOverHttp(options)), versus: "(set DATABASE_URL for the PostgreSQL ceiling and the overbooked count)" }];
  // As in a real rush, the app has served registrations before the event holds thousands: it
  // warms up on the fresh event, the raw row then adds thousands, and only then is HTTP measured.
  // (In the other order a plan PostgreSQL kept from the first few registrations went unseen,
  // though it made every later one scan the whole waitlist.)
  await postRegistrations({ ...options, seconds: WARM_UP_SECONDS });
  const raw = await measureRawRegistration({ ...options, databaseUrl: options.databaseUrl });
  const http = await postRegistrations(options);
  http.versus = `${(http.requestsPerSecond / raw.requestsPerSecond).toFixed(2)}× of raw PostgreSQL`;
  const seats = await countOverbooked({ slug: options.slug, databaseUrl: options.databaseUrl });
  const overbooked: BenchRow = {
    scenario: `overbooked after both runs (${seats.confirmed} confirmed of ${seats.capacity ?? "∞"}, ${seats.waitlisted} waiting)`,
    requestsPerSecond: 0,
    p50: 0,
    p99: 0,
    errors: seats.overbooked,
    versus: seats.overbooked === 0 ? "0 overbooked" : `${seats.overbooked} OVERBOOKED`,
  };
  return [http, raw, overbooked];
}

/** `tsx bench/registration.ts`: the app on a fresh database of DATABASE_URL's server, these rows alone. */
async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("Set DATABASE_URL (a PostgreSQL server where a scratch database may be created)");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const name = `podium_bench_reg_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const port = Number(process.env.BENCH_APP_PORT ?? 3392);
  const dataDir = mkdtempSync(path.join(tmpdir(), "podium-bench-reg-"));
  const app = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", PODIUM_DATA_DIR: dataDir, PODIUM_WORKER: "off", DATABASE_URL: url.toString(), PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 90_000;
    while (!(await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false))) {
      if (Date.now() > deadline) throw new Error("the app did not come up");
      await new Promise((r) => setTimeout(r, 250));
    }
    const rows = await registrationRows({ base, slug: "robotic-manipulation", connections: Number(process.env.BENCH_CONNECTIONS ?? 10), seconds: Number(process.env.BENCH_SECONDS ?? 8), databaseUrl: url.toString() });
    for (const row of rows) console.log(`${row.scenario}: ${row.requestsPerSecond.toFixed(0)} req/s, p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, errors ${row.errors}, ${row.versus ?? ""}`);
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
