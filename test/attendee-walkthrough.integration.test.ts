// What the attendee walk-through (issue 10, §4) stumbled on, checked through the
// public routes as Remix calls them: zones typed as people type them and stored
// under their current names, hosts billed by role, the programme's day markers
// and the viewer's time, an offer whose text matches its button, subscriptions.
import { getZodConstraint } from "@conform-to/zod";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createOrganization } from "~db/factories";
import { registrations } from "~db/schema";
import { eventHostsLabel } from "~/email/event-facts.server";
import { listPublicEvents } from "~/events/public-events.server";
import { registrationFormSchema, type QuestionDefinition } from "~/registrations/registration-form";
import { translatorFor } from "~/i18n/catalogues.server";
import { action as eventAction, loader as eventLoader } from "~/routes/events.$slug";
import { loader as subscribeLoader } from "~/routes/subscribe";
import { action as timeZoneAction } from "~/routes/time-zone";
import { loader as zoneChoicesLoader } from "~/routes/time-zones";
import { requestFor, testLoadContext } from "./support/load-context";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

let database: TestDatabase;
let address = 0;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000);

async function upcomingEvent(spec: Partial<Parameters<typeof createEvent>[1]> = {}) {
  const startsAt = spec.startsAt ?? inAWeek();
  return createEvent(database.db, { status: "published", endsAt: new Date(startsAt.getTime() + 3_600_000), ...spec, startsAt });
}

async function loadEvent(slug: string, cookie?: string) {
  const request = new Request(`http://podium.test/events/${slug}`, { headers: cookie ? { Cookie: cookie } : {} });
  return eventLoader({ request, params: { slug }, context: testLoadContext(database.db) });
}

function postForm(path: string, fields: Record<string, string>): Request {
  address += 1;
  return new Request(`http://podium.test${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `198.51.100.${address}` },
  });
}

/** Runs a route action; a thrown redirect or response comes back as the Response it is. */
async function respond(run: () => Promise<unknown>): Promise<Response | { data: unknown; init: { status?: number } | null }> {
  try {
    return (await run()) as { data: unknown; init: { status?: number } | null };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("hosts are billed by role, then by the organizer's order", () => {
  it("reads HKUST × KTH when HKUST is Host and KTH, listed first, is Co-host", async () => {
    const kth = await createOrganization(database.db, { name: "KTH Royal Institute of Technology", shortName: "KTH" });
    const hkust = await createOrganization(database.db, { name: "Hong Kong University of Science and Technology", shortName: "HKUST" });
    const partner = await createOrganization(database.db, { name: "Stockholm Partner Lab", shortName: "SPL" });
    const event = await upcomingEvent({
      title: "Role order",
      hosts: [
        { organization: partner, role: "partner" },
        { organization: kth, role: "co_host" },
        { organization: hkust, role: "host" },
      ],
    });
    const page = await loadEvent(event.slug);
    expect(page.hostsLabel).toBe("HKUST × KTH × SPL");
    expect(page.hosts.map((h) => h.shortName)).toEqual(["HKUST", "KTH", "SPL"]);
    expect(await eventHostsLabel(database.db, event.id)).toBe("HKUST × KTH × SPL");
    const { upcoming } = await listPublicEvents(database.db, { now: new Date() });
    expect(upcoming.find((e) => e.id === event.id)!.hosts.map((h) => h.shortName)).toEqual(["HKUST", "KTH", "SPL"]);
  });
});

describe("time zones as people type them", () => {
  async function register(event: { slug: string }, timeZone: string) {
    const email = `zone-${address}-${Math.random().toString(36).slice(2)}@example.edu`;
    const request = postForm(`/events/${event.slug}`, { name: "Priya Raman", email, timeZone, consent: "on" });
    const outcome = await respond(() => eventAction({ request, params: { slug: event.slug }, context: testLoadContext(database.db) }));
    const [row] = await database.db.select({ timeZone: registrations.timeZone }).from(registrations).where(eq(registrations.email, email));
    return { outcome, stored: row?.timeZone ?? null };
  }

  it.each([
    ["the current name", "Asia/Kolkata"],
    ["the legacy alias Firefox and old ICU report", "Asia/Calcutta"],
    ["a suggestion from the list", "Kolkata — Asia/Kolkata"],
    ["a city, as typed", "mumbai"],
  ])("stores %s as Asia/Kolkata", async (_how, typed) => {
    const event = await upcomingEvent({ title: `Zones ${typed}`, displayZones: ["Europe/Stockholm"] });
    const { outcome, stored } = await register(event, typed);
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(302);
    expect(stored).toBe("Asia/Kolkata");
  });

  it("refuses a zone it cannot find, and an empty one, with a message at the field", async () => {
    const event = await upcomingEvent({ title: "Unknown zones", displayZones: ["Europe/Stockholm"] });
    for (const [typed, message] of [
      ["Atlantis", "Choose a time zone from the list, or type a city such as Stockholm"],
      ["", "Choose your time zone"],
    ] as const) {
      const { outcome, stored } = await register(event, typed);
      expect(stored).toBeNull();
      const result = outcome as { data: { submission: { error: Record<string, string[]> } }; init: { status: number } };
      expect(result.init.status).toBe(400);
      expect(result.data.submission.error.timeZone).toEqual([message]);
    }
  });

  it("shows a browser's legacy zone under its current name, and sends no zone list as data", async () => {
    const event = await upcomingEvent({ title: "Viewer alias", displayZones: ["Europe/Stockholm"] });
    const page = await loadEvent(event.slug, "podium-tz=Asia%2FCalcutta");
    expect(page.viewerZone).toBe("Asia/Kolkata");
    expect(page.when.viewer!.zone).toBe("Asia/Kolkata");
    const anonymous = JSON.stringify(await loadEvent(event.slug));
    expect(anonymous).not.toContain("Africa/Abidjan");
    expect(anonymous).not.toContain("Pacific/");
  });

  it("serves the suggestions once, for pages reached without a full load", async () => {
    const response = zoneChoicesLoader({ request: new Request("http://podium.test/time-zones"), params: {}, context: testLoadContext(database.db) });
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('value="Kolkata — Asia/Kolkata"');
    expect(html).toContain('label="India · Mumbai');
    expect(html).not.toContain("Calcutta");
  });

  it("labels the suggestions in the reader's language, so typing 印度 or Indien finds Kolkata", async () => {
    const suggestions = async (lang: string) =>
      (await zoneChoicesLoader({ request: new Request("http://podium.test/time-zones", { headers: { Cookie: `podium_lang=${lang}` } }), params: {}, context: testLoadContext(database.db) })).text();
    const kolkata = (html: string) => /<option value="Kolkata — Asia\/Kolkata" label="([^"]*)"/.exec(html)?.[1];
    // Country and zone in the language, the cities still as people type them in Latin letters.
    expect(kolkata(await suggestions("zh-Hant"))).toMatch(/^印度 · 印度(標準)?時間 · Mumbai/);
    expect(kolkata(await suggestions("sv"))).toMatch(/^Indien · indisk tid · Mumbai/);
    expect(await suggestions("zh-Hant")).toContain('<option value="UTC" label="世界標準時間">');
  });
});

describe("choosing the zone pages show", () => {
  async function choose(fields: Record<string, string>) {
    return respond(() => timeZoneAction({ request: postForm("/time-zone", fields), params: {}, context: testLoadContext(database.db) }));
  }

  it("sets the zone by hand and goes back where the visitor was", async () => {
    const response = (await choose({ zone: "Hong Kong", returnTo: "/events/some-event?x=1" })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/events/some-event?x=1");
    const cookies = response.headers.getSetCookie();
    expect(cookies).toContainEqual(expect.stringMatching(/^podium-tz=Asia%2FHong_Kong; Max-Age=\d+; Path=\/; SameSite=Lax$/));
    expect(cookies).toContainEqual(expect.stringMatching(/^podium-tz-manual=1;/));
  });

  it("forgets a hand-picked zone on request", async () => {
    const response = (await choose({ intent: "automatic", returnTo: "/" })) as Response;
    expect(response.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^podium-tz-manual=; Max-Age=0/));
  });

  it("keeps what was typed when the zone is unknown, and never leaves the site", async () => {
    const unknown = (await choose({ zone: "Atlantis", returnTo: "/" })) as { data: { typed: string; message: string }; init: { status: number } };
    expect(unknown.init.status).toBe(400);
    expect(unknown.data).toMatchObject({ typed: "Atlantis", message: expect.stringContaining("type a city") });
    const offsite = (await choose({ zone: "UTC", returnTo: "//evil.example/" })) as Response;
    expect(offsite.headers.get("Location")).toBe("/");
  });
});

describe("the programme", () => {
  it("marks segments with the header's day shift and shows each in the viewer's time", async () => {
    // 20:00 in Stockholm is 04:00 the next day in Tokyo, as the header says.
    const startsAt = new Date("2031-12-02T19:00:00Z");
    const event = await upcomingEvent({
      title: "Evening programme",
      startsAt,
      endsAt: new Date("2031-12-02T20:00:00Z"),
      displayZones: ["Europe/Stockholm", "Asia/Tokyo"],
      agenda: [
        { kind: "talk", title: "First talk", startsAt, endsAt: new Date("2031-12-02T19:30:00Z") },
        { kind: "qa", title: "Questions", startsAt: new Date("2031-12-02T19:30:00Z"), endsAt: new Date("2031-12-02T20:00:00Z") },
      ],
    });
    const page = await loadEvent(event.slug, "podium-tz=America%2FLos_Angeles");
    expect(page.when.zones[1]!.text).toContain("(+1 day)");
    expect(page.agenda[0]!.times).toEqual(["20:00 – 20:30 CET", "04:00 – 04:30 JST (+1 day)"]);
    expect(page.agenda[0]!.viewerTime).toBe("11:00 – 11:30 PST");
    expect(page.agenda[1]!.times[1]).toBe("04:30 – 05:00 JST (+1 day)");
    expect((await loadEvent(event.slug)).agenda[0]!.viewerTime).toBeNull();
  });
});

describe("the register button and the sentence above it agree", () => {
  it("asks approval events for a request, full or not, and never offers a waitlist there", async () => {
    const full = await upcomingEvent({ title: "Full approval", requiresApproval: true, capacity: 0 });
    const offer = (await loadEvent(full.slug)).registration!.offer;
    expect(offer.submitLabel).toBe("Request a seat");
    expect(offer.explanation).toMatch(/organizers review each request/);
    expect(offer.explanation).not.toMatch(/waitlist/i);
  });

  it("offers the waitlist on a full event without approval, and says so", async () => {
    const full = await upcomingEvent({ title: "Full open", capacity: 0 });
    const offer = (await loadEvent(full.slug)).registration!.offer;
    expect(offer.submitLabel).toBe("Join the waitlist");
    expect(offer.explanation).toMatch(/Join the waitlist/);
    expect(offer.explanation).not.toMatch(/review/);
  });
});

describe("optional boxes", () => {
  it("marks only a required checkbox as required in the browser", () => {
    const questions: QuestionDefinition[] = [
      { id: "news", kind: "checkbox", label: "Send me news", required: false, options: [] },
      { id: "rules", kind: "checkbox", label: "I accept the rules", required: true, options: [] },
    ];
    const constraint = getZodConstraint(registrationFormSchema(questions, undefined, translatorFor("en")));
    expect(constraint["answers.news"]?.required).toBeFalsy();
    expect(constraint["answers.rules"]?.required).toBe(true);
    expect(constraint["consent"]?.required).toBe(true);
  });
});

describe("calendar subscriptions", () => {
  it("offers webcal, Google and Outlook subscriptions to every feed beside the download", async () => {
    const page = await subscribeLoader({ request: requestFor("/subscribe"), params: {}, context: testLoadContext(database.db) });
    expect(page.everything.webcal).toBe("webcal://podium.test/calendar.ics");
    expect(new URL(page.everything.google).searchParams.get("cid")).toBe("webcal://podium.test/calendar.ics");
    expect(new URL(page.everything.outlook).searchParams.get("url")).toBe("http://podium.test/calendar.ics");
    expect(page.everything.download).toBe("/calendar.ics");
  });
});
