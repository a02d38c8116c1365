import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { events } from "~db/schema";
import { seedDemoData } from "~db/seed";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { findPublicEvent, findSpeaker, listPublicEvents } from "./public-events.server";

// "Today" for these tests: the demo's upcoming events are dated from it.
const NOW = new Date("2026-11-23T12:00:00Z");
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, NOW);
});
afterAll(async () => {
  await database.destroy();
});

describe("listPublicEvents", () => {
  it("lists upcoming events soonest first and past events newest first, with recordings flagged", async () => {
    const { upcoming, past } = await listPublicEvents(database.db, { now: NOW });
    expect(upcoming.length).toBeGreaterThanOrEqual(3);
    const starts = upcoming.map((e) => e.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(upcoming.every((e) => e.startsAt > NOW)).toBe(true);
    expect(past.map((e) => e.slug)).toEqual(["responding-to-covid-19", "biases-norms-and-culture"]);
    expect(past.every((e) => e.hasRecording)).toBe(true);
    expect(past[0]!.hosts.map((h) => h.shortName)).toEqual(["HKUST", "KTH"]);
    expect(past[0]!.series?.title).toBe("HKUST × KTH Joint Webinars");
  });

  it("keeps drafts off the public site entirely", async () => {
    const draft = await createEvent(database.db, {
      title: "Secret planning meeting",
      status: "draft",
      startsAt: new Date("2026-12-01T09:00:00Z"),
      endsAt: new Date("2026-12-01T10:00:00Z"),
    });
    const { upcoming } = await listPublicEvents(database.db, { now: NOW });
    expect(upcoming.map((e) => e.slug)).not.toContain(draft.slug);
    expect(await findPublicEvent(database.db, draft.slug)).toBeNull();
  });

  it("treats an event in progress as upcoming until it ends", async () => {
    const live = await createEvent(database.db, {
      title: "Happening now",
      startsAt: new Date(NOW.getTime() - 30 * 60_000),
      endsAt: new Date(NOW.getTime() + 30 * 60_000),
    });
    const { upcoming, past } = await listPublicEvents(database.db, { now: NOW });
    expect(upcoming[0]!.slug).toBe(live.slug);
    expect(past.map((e) => e.slug)).not.toContain(live.slug);
  });
});

describe("findPublicEvent", () => {
  it("returns the June 2020 webinar's programme exactly as published", async () => {
    const event = await findPublicEvent(database.db, "biases-norms-and-culture");
    expect(event).not.toBeNull();
    expect(event!.startsAt.toISOString()).toBe("2020-06-23T08:30:00.000Z");
    expect(event!.endsAt.toISOString()).toBe("2020-06-23T09:45:00.000Z");
    expect(event!.agenda.map((i) => [i.kind, i.title, i.people.map((p) => `${p.role}:${p.name}`)])).toEqual([
      ["opening_remarks", "Opening Remarks", ["speaker:King CHOW", "speaker:Stefan ÖSTLUND"]],
      ["talk", "Behavioural Biases and Our Responses to Pandemics", ["speaker:Donald LOW"]],
      ["talk", "Impact of COVID-19 on Public Transport Use in Stockholm", ["speaker:Erik JENELIUS"]],
      [
        "talk",
        "Science of SARS-CoV-2 Transmission and Measures for Public Health Protection in the New Norms During Pandemic",
        ["speaker:Zhi NING"],
      ],
      ["talk", "How the Corona Pandemic Changes Our Habits of How We Use the City and Public Space", ["speaker:Ann LEGEBY"]],
      ["panel", "Panel discussion", ["moderator:Naubahar SHARIF"]],
    ]);
    expect(event!.recordings).toHaveLength(1);
  });

  it("never exposes the private join URL", async () => {
    const secret = "https://zoom.example/j/123456789?pwd=secret";
    const event = await createEvent(database.db, {
      title: "Private link test",
      joinUrl: secret,
      startsAt: new Date("2026-12-02T09:00:00Z"),
      endsAt: new Date("2026-12-02T10:00:00Z"),
    });
    const found = await findPublicEvent(database.db, event.slug);
    expect(found).not.toBeNull();
    expect(JSON.stringify(found)).not.toContain("zoom.example");
  });

  it("hides unpublished recording links", async () => {
    const event = await createEvent(database.db, {
      title: "Recording pending",
      startsAt: new Date("2026-01-02T09:00:00Z"),
      endsAt: new Date("2026-01-02T10:00:00Z"),
      recordings: [{ label: "Draft cut", url: "https://video.example/draft", published: false }],
    });
    expect((await findPublicEvent(database.db, event.slug))!.recordings).toEqual([]);
  });
});

describe("event SEQUENCE", () => {
  it("rises when time, title or status change and stays put for other edits", async () => {
    const event = await createEvent(database.db, {
      title: "Sequence check",
      startsAt: new Date("2026-12-10T09:00:00Z"),
      endsAt: new Date("2026-12-10T10:00:00Z"),
    });
    const sequenceAfter = async (change: Partial<typeof events.$inferInsert>) => {
      const [row] = await database.db.update(events).set(change).where(eq(events.id, event.id)).returning();
      return row!.sequence;
    };
    expect(event.sequence).toBe(0);
    expect(await sequenceAfter({ summary: "Only the summary changed" })).toBe(0);
    expect(await sequenceAfter({ startsAt: new Date("2026-12-10T10:00:00Z"), endsAt: new Date("2026-12-10T11:00:00Z") })).toBe(1);
    expect(await sequenceAfter({ title: "Sequence check, renamed" })).toBe(2);
    expect(await sequenceAfter({ status: "cancelled" })).toBe(3);
  });

  it("refuses an event that ends before it starts", async () => {
    await expect(
      createEvent(database.db, {
        title: "Backwards",
        startsAt: new Date("2026-12-10T10:00:00Z"),
        endsAt: new Date("2026-12-10T09:00:00Z"),
      }),
    ).rejects.toThrow();
  });
});

describe("findSpeaker", () => {
  it("lists a person's public sessions across events with their roles", async () => {
    const speaker = await findSpeaker(database.db, "naubahar-sharif");
    expect(speaker!.person.name).toBe("Naubahar SHARIF");
    const roles = speaker!.sessions.map((s) => `${s.role}@${s.event.slug}`);
    expect(roles).toContain("moderator@biases-norms-and-culture");
    expect(roles).toContain("moderator@graphene-membranes-for-clean-energy");
  });

  it("returns null for an unknown slug", async () => {
    expect(await findSpeaker(database.db, "nobody-at-all")).toBeNull();
  });
});
