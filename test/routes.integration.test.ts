// The public routes' loaders, called as Remix calls them, against a seeded database.
import ical from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { seedDemoData } from "~db/seed";
import { loader as calendarLoader } from "~/routes/calendar[.]ics";
import { loader as eventCalendarLoader } from "~/routes/events.$slug.calendar[.]ics";
import { loader as eventLoader } from "~/routes/events.$slug";
import { loader as healthLoader } from "~/routes/healthz";
import { loader as indexLoader } from "~/routes/_index";
import { loader as seriesLoader } from "~/routes/series.$slug";
import { loader as speakerLoader } from "~/routes/speakers.$slug";
import { requestFor, testLoadContext } from "./support/load-context";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, new Date());
});
afterAll(async () => {
  await database.destroy();
});

async function loadEvent(slug: string, viewerZone?: string) {
  const context = testLoadContext(database.db);
  return eventLoader({ request: requestFor(`/events/${slug}`, { viewerZone }), params: { slug }, context });
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("event page", () => {
  it("shows the December 2020 webinar exactly as published, in both zones", async () => {
    const page = await loadEvent("responding-to-covid-19");
    expect(page.when.text).toBe("Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT");
    expect(page.hostsLabel).toBe("HKUST × KTH");
    expect(page.phase).toBe("ended");
    expect(page.recordings).toEqual([
      { label: "Watch the recording", url: "https://video.podium.example/hkust-kth/2020-12-03-responding-to-covid-19" },
    ]);
  });

  it("shows the June 2020 webinar in HKT first, then CEST", async () => {
    const page = await loadEvent("biases-norms-and-culture");
    expect(page.when.text).toBe("Tuesday, 23 June 2020 · 16:30 – 17:45 HKT · 10:30 – 11:45 CEST");
    expect(page.agenda.map((i) => i.kindLabel)).toEqual([
      "Opening remarks",
      "Talk",
      "Talk",
      "Talk",
      "Talk",
      "Panel discussion",
    ]);
    expect(page.agenda[5]!.people[0]).toMatchObject({ displayName: "Prof. Naubahar SHARIF", roleLabel: "Moderator" });
  });

  it("adds the viewer's own time from the time-zone cookie", async () => {
    const page = await loadEvent("responding-to-covid-19", "America/Los_Angeles");
    expect(page.when.viewer).toMatchObject({ zone: "America/Los_Angeles", dayOffset: 0 });
    expect(page.when.viewer!.text).toContain("01:00 – 02:15 PST");
    const tokyo = await loadEvent("biases-norms-and-culture", "Asia/Tokyo");
    expect(tokyo.when.viewer!.text).toContain("17:30 – 18:45 JST");
  });

  it("ignores a forged time-zone cookie instead of failing", async () => {
    const page = await loadEvent("responding-to-covid-19", "Mars/Olympus_Mons");
    expect(page.when.viewer).toBeNull();
  });

  it("marks an evening in New York as the next day in Hong Kong", async () => {
    const page = await loadEvent("iot-for-intelligent-buildings");
    const hongKong = page.when.zones.find((z) => z.zone === "Asia/Hong_Kong")!;
    expect(hongKong.dayOffset).toBe(1);
    expect(hongKong.text).toMatch(/^09:00 – 10:30 HKT/);
    expect(hongKong.text).toContain("+1 day");
  });

  it("publishes schema.org Event data with offsets and online attendance", async () => {
    const page = await loadEvent("responding-to-covid-19");
    expect(page.jsonLd).toMatchObject({
      "@type": "Event",
      startDate: "2020-12-03T10:00:00+01:00",
      endDate: "2020-12-03T11:15:00+01:00",
      eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
      eventStatus: "https://schema.org/EventScheduled",
    });
  });

  it("answers 404 for an unknown slug and for a draft", async () => {
    expect(await statusOf(loadEvent("no-such-event"))).toBe(404);
    const draft = await createEvent(database.db, {
      title: "Draft only",
      status: "draft",
      startsAt: new Date("2030-01-01T09:00:00Z"),
      endsAt: new Date("2030-01-01T10:00:00Z"),
    });
    expect(await statusOf(loadEvent(draft.slug))).toBe(404);
  });

  it("shows a cancelled event as cancelled with EventCancelled status", async () => {
    const cancelled = await createEvent(database.db, {
      title: "Called off",
      status: "cancelled",
      startsAt: new Date("2030-02-01T09:00:00Z"),
      endsAt: new Date("2030-02-01T10:00:00Z"),
      displayZones: ["Europe/Stockholm"],
    });
    const page = await loadEvent(cancelled.slug);
    expect(page.phase).toBe("cancelled");
    expect(page.jsonLd.eventStatus).toBe("https://schema.org/EventCancelled");
  });
});

describe("calendars", () => {
  it("gives the same instants in the .ics as on the page", async () => {
    const context = testLoadContext(database.db);
    for (const slug of ["responding-to-covid-19", "biases-norms-and-culture", "iot-for-intelligent-buildings"]) {
      const response = await eventCalendarLoader({ request: requestFor(`/events/${slug}.ics`), params: { slug }, context });
      expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      const parsed = Object.values(ical.sync.parseICS(await response.text())).filter((c): c is ical.VEvent => c?.type === "VEVENT");
      expect(parsed).toHaveLength(1);
      const vevent = parsed[0]!;
      const page = await loadEvent(slug);
      expect(vevent.start.toISOString()).toBe(new Date(page.jsonLd.startDate as string).toISOString());
      expect(vevent.end!.toISOString()).toBe(new Date(page.jsonLd.endDate as string).toISOString());
      // node-ical keeps the VALUE=URI parameter beside the value.
      const url = vevent.url as unknown as string | { val: string };
      expect(typeof url === "string" ? url : url.val).toBe(`http://podium.test/events/${slug}`);
    }
  });

  it("lists every public event and no draft in /calendar.ics", async () => {
    const context = testLoadContext(database.db);
    const response = await calendarLoader({ request: requestFor("/calendar.ics"), params: {}, context });
    const vevents = Object.values(ical.sync.parseICS(await response.text())).filter((c): c is ical.VEvent => c?.type === "VEVENT");
    const summaries = vevents.map((v) => String(v.summary));
    expect(summaries).toContain("Biases, Norms and Culture: A Framework for Understanding Our Responses to a Pandemic");
    expect(summaries).not.toContain("Draft only");
    expect(new Set(vevents.map((v) => v.uid)).size).toBe(vevents.length);
  });

  it("answers 404 for the calendar of an unknown event", async () => {
    const context = testLoadContext(database.db);
    const slug = "nope";
    expect(await statusOf(eventCalendarLoader({ request: requestFor(`/events/${slug}.ics`), params: { slug }, context }))).toBe(404);
  });
});

describe("other pages", () => {
  it("lists upcoming events soonest first on the home page", async () => {
    const context = testLoadContext(database.db);
    const home = await indexLoader({ request: requestFor("/"), params: {}, context });
    expect(home.upcoming.length).toBeGreaterThanOrEqual(3);
    expect(home.past.find((e) => e.slug === "biases-norms-and-culture")?.hasRecording).toBe(true);
  });

  it("shows a series with its events, and 404 for an unknown one", async () => {
    const context = testLoadContext(database.db);
    const slug = "navigating-a-world-of-disruption";
    const page = await seriesLoader({ request: requestFor(`/series/${slug}`), params: { slug }, context });
    expect(page.past.map((e) => e.slug)).toEqual(["biases-norms-and-culture"]);
    expect(await statusOf(seriesLoader({ request: requestFor("/series/x"), params: { slug: "x" }, context }))).toBe(404);
  });

  it("shows a speaker's sessions in the event's zones", async () => {
    const context = testLoadContext(database.db);
    const slug = "erik-jenelius";
    const page = await speakerLoader({ request: requestFor(`/speakers/${slug}`), params: { slug }, context });
    expect(page.person.displayName).toBe("Prof. Erik JENELIUS");
    expect(page.sessions[0]).toMatchObject({
      title: "Impact of COVID-19 on Public Transport Use in Stockholm",
      when: "Tuesday, 23 June 2020 · 16:30 – 17:45 HKT · 10:30 – 11:45 CEST",
    });
  });

  it("never shows a speaker's private email on public pages or feeds", async () => {
    const context = testLoadContext(database.db);
    const pages = [
      await speakerLoader({ request: requestFor("/speakers/erik-jenelius"), params: { slug: "erik-jenelius" }, context }),
      await loadEvent("biases-norms-and-culture"),
      await loadEvent("graphene-membranes-for-clean-energy"),
    ];
    for (const page of pages) expect(JSON.stringify(page)).not.toContain("@speakers.podium.demo");
    const feed = await calendarLoader({ request: requestFor("/calendar.ics"), params: {}, context });
    expect(await feed.text()).not.toContain("@speakers.podium.demo");
  });

  it("reports healthy when the database answers", async () => {
    const response = await healthLoader({ request: requestFor("/healthz"), params: {}, context: testLoadContext(database.db) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
