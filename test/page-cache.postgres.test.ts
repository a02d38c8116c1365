// The page cache across two real app processes on one PostgreSQL: a process that
// did not see a change (it was made by the other process, or by the console's code
// in a third) never serves the page from before it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import type { Event, User } from "~db/schema";
import { createUser } from "~/auth/users.server";
import { cancelEvent, eventFormDefaults, updateEventFromForm } from "~/events/event-admin.server";
import { eventFormSchemaIn } from "~/events/event-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";

const eventFormSchema = eventFormSchemaIn(consoleTranslatorFor("en"));
import { startAppProcess, type AppProcess } from "./support/app-process";
import { TEST_LINK_SECRET } from "./support/load-context";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const links = { origin: "http://podium.test", secret: TEST_LINK_SECRET };
const DAY = 86_400_000;

let database: TestDatabase;
let organizer: User;
let apps: AppProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  organizer = await createUser(database.db, { email: "chair@kth.se", name: "Chair", password: "correct horse battery", role: "organizer" });
  // One public address for both, as behind a load balancer.
  const env = { DATABASE_URL: database.databaseUrl!, PODIUM_SEED: "off", PODIUM_WORKER: "off", PUBLIC_URL: "https://events.podium.test" };
  apps = await Promise.all([startAppProcess(env), startAppProcess(env)]);
  // Two production starts on a busy machine can take longer than the default hook timeout.
}, 180_000);
afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop("SIGKILL")));
  await database?.destroy();
});

function upcoming(title: string, extra: Partial<Parameters<typeof createEvent>[1]> = {}): Promise<Event> {
  return createEvent(database.db, {
    title,
    startsAt: new Date(Date.now() + 10 * DAY),
    endsAt: new Date(Date.now() + 10 * DAY + 60 * 60_000),
    displayZones: ["Asia/Hong_Kong"],
    ...extra,
  });
}

async function get(app: AppProcess, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.base}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Both processes hold the page in memory. */
async function warmBoth(path: string, headers: Record<string, string> = {}) {
  for (const app of apps) {
    await get(app, path, headers);
    expect((await get(app, path, headers)).headers.get("x-podium-cache")).toBe("hit");
  }
}

function register(app: AppProcess, slug: string, n: number) {
  return fetch(`${app.base}/events/${slug}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.base, "x-forwarded-for": `10.9.0.${n}` },
    body: new URLSearchParams({ name: `Attendee ${n}`, email: `attendee${n}@hkust.edu.hk`, timeZone: "Asia/Hong_Kong", consent: "on" }),
  });
}

describe("two app processes, one PostgreSQL", () => {
  it("shows every seat taken through one process on the other's very next request, down to 'full'", async () => {
    const event = await upcoming("Seats across processes", { capacity: 4 });
    const path = `/events/${event.slug}`;
    await warmBoth(path);
    for (let n = 1; n <= 4; n++) {
      const [writer, reader] = n % 2 ? [apps[0]!, apps[1]!] : [apps[1]!, apps[0]!];
      expect((await register(writer, event.slug, n)).status).toBe(302);
      const page = await get(reader, path);
      if (n < 4) expect(page.body).toContain(`${4 - n} of 4 seats left.`);
      else expect(page.body).toContain("This event is full.");
      // And the writer's own cache, which held the page from before its own registration.
      expect((await get(writer, path)).body).toContain(n < 4 ? `${4 - n} of 4 seats left.` : "This event is full.");
    }
  });

  it("shows an organizer's save and a cancellation, made in neither process, on both", async () => {
    const event = await upcoming("Saved elsewhere");
    const path = `/events/${event.slug}`;
    await warmBoth(path);
    await warmBoth("/");

    const form = await eventFormDefaults(database.db, event);
    const values = eventFormSchema.parse(Object.fromEntries(Object.entries({ ...form, title: "Renamed elsewhere" }).filter(([, v]) => v !== "" && v !== undefined)));
    expect((await updateEventFromForm(database.db, { user: organizer, eventId: event.id, values, links })).ok).toBe(true);
    for (const app of apps) {
      expect((await get(app, path)).body).toContain("Renamed elsewhere");
      expect((await get(app, "/")).body).toContain("Renamed elsewhere");
    }

    await warmBoth(`/events/${event.slug}.ics`);
    expect((await cancelEvent(database.db, { user: organizer, eventId: event.id, links })).ok).toBe(true);
    for (const app of apps) {
      expect((await get(app, path)).body).toContain("This event has been cancelled.");
      expect((await get(app, `/events/${event.slug}.ics`)).body).toContain("STATUS:CANCELLED");
    }
  });

  it("renders a zone one process has not seen yet in that zone", async () => {
    const event = await upcoming("Zones across processes");
    const path = `/events/${event.slug}`;
    await warmBoth(path, { cookie: "podium-tz=Asia/Hong_Kong" });
    const lima = await get(apps[1]!, path, { cookie: "podium-tz=America/Lima" });
    expect(lima.headers.get("x-podium-cache")).toBe("miss");
    expect(lima.body).toContain("Your time: <strong>America/Lima</strong>");
  });

  it("gives the same ETag in both processes, so a proxy may revalidate against either", async () => {
    const event = await upcoming("Same tag");
    const path = `/events/${event.slug}`;
    const etag = (await get(apps[0]!, path)).headers.get("etag")!;
    const other = await fetch(`${apps[1]!.base}${path}`, { headers: { "if-none-match": etag } });
    expect(other.status).toBe(304);
  });
});
