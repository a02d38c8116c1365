import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { buildEventFeed, buildInvitation, feedSubscriptionLinks, googleCalendarUrl, invitationContentType, outlookCalendarUrl, type CalendarEventInput } from "./index";

const covid: CalendarEventInput = {
  id: "6f1c1f0e-5d0b-4f43-9d8a-0a2d6f3b8c11",
  slug: "responding-to-covid-19",
  title: "Responding to COVID-19: A Life Science Perspective",
  summary: "HKUST x KTH Royal Institute of Technology Joint Webinar",
  url: "https://podium.test/events/responding-to-covid-19",
  startsAt: new Date("2020-12-03T09:00:00Z"),
  endsAt: new Date("2020-12-03T10:15:00Z"),
  status: "published",
  sequence: 2,
  updatedAt: new Date("2020-11-20T08:00:00Z"),
  createdAt: new Date("2020-11-01T08:00:00Z"),
  hosts: ["HKUST", "KTH"],
};

function vevents(text: string): ical.VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
}

describe("buildEventFeed", () => {
  it("round-trips every instant, the UID and SEQUENCE through a real parser", () => {
    const text = buildEventFeed({ name: "Podium", events: [covid] });
    const [event] = vevents(text);
    expect(event!.start.toISOString()).toBe("2020-12-03T09:00:00.000Z");
    expect(event!.end!.toISOString()).toBe("2020-12-03T10:15:00.000Z");
    expect(event!.uid).toBe(`${covid.id}@podium.events`);
    expect(Number(event!.sequence)).toBe(2);
    expect(text).toContain("DTSTART:20201203T090000Z");
    expect(text).toContain("METHOD:PUBLISH");
    expect(text).toContain("PRODID:-//Podium//Podium Events//EN");
    expect(text).toContain("X-WR-CALNAME:Podium");
  });

  it("keeps the UID stable across builds and raises SEQUENCE only from the input", () => {
    const first = vevents(buildEventFeed({ name: "a", events: [covid] }))[0]!;
    const moved = vevents(buildEventFeed({ name: "a", events: [{ ...covid, sequence: 3, startsAt: new Date("2020-12-03T10:00:00Z") }] }))[0]!;
    expect(moved.uid).toBe(first.uid);
    expect(Number(moved.sequence)).toBe(3);
  });

  it("keeps cancelled events as CANCELLED and leaves drafts out", () => {
    const text = buildEventFeed({
      name: "a",
      events: [
        { ...covid, status: "cancelled" },
        { ...covid, id: "draft-id", slug: "draft", title: "Secret draft", status: "draft" },
      ],
    });
    const events = vevents(text);
    expect(events).toHaveLength(1);
    expect(events[0]!.status).toBe("CANCELLED");
    expect(text).not.toContain("Secret draft");
  });

  it("escapes and folds hostile titles so they parse back unchanged", () => {
    const titles = [
      "Commas, semicolons; and\nnewlines",
      "Prof. Stefan ÖSTLUND 🎓 on “quotes” & <tags>",
      "A".repeat(200),
      "Back\\slash: end",
    ];
    const text = buildEventFeed({ name: "a", events: titles.map((title, i) => ({ ...covid, id: `id-${i}`, title })) });
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(vevents(text).map((e) => String(e.summary))).toEqual(titles);
  });
});

describe("buildInvitation", () => {
  const base = {
    uid: "registration-42@podium.events",
    event: covid,
    attendee: { name: "Ann Östlund", email: "ann@example.edu" },
    organizer: { name: "Podium", email: "events@podium.local" },
    joinUrl: "https://podium.test/j/token",
    manageUrl: "https://podium.test/r/token",
  };

  it("is a METHOD:REQUEST invite with organizer and attendee", () => {
    const text = buildInvitation({ ...base, method: "REQUEST", sequence: 2 });
    expect(text).toContain("METHOD:REQUEST");
    const [event] = vevents(text);
    expect(event!.uid).toBe("registration-42@podium.events");
    expect(event!.status).toBe("CONFIRMED");
    expect(String((event!.organizer as unknown as { val: string }).val).toLowerCase()).toBe("mailto:events@podium.local");
    expect(text.replace(/\r\n /g, "")).toMatch(/ATTENDEE;[^\r\n]*CN="Ann Östlund":mailto:ann@example\.edu/i);
    expect(text.replace(/\r\n /g, "")).toContain("Join: https://podium.test/j/token");
    expect(event!.start.toISOString()).toBe("2020-12-03T09:00:00.000Z");
  });

  it("cancels with METHOD:CANCEL, the same UID and a higher SEQUENCE", () => {
    const request = vevents(buildInvitation({ ...base, method: "REQUEST", sequence: 2 }))[0]!;
    const cancelText = buildInvitation({ ...base, method: "CANCEL", sequence: 3 });
    const cancel = vevents(cancelText)[0]!;
    expect(cancelText).toContain("METHOD:CANCEL");
    expect(cancel.uid).toBe(request.uid);
    expect(cancel.status).toBe("CANCELLED");
    expect(Number(cancel.sequence)).toBeGreaterThan(Number(request.sequence));
  });

  it("names the method in the attachment's content type", () => {
    expect(invitationContentType("REQUEST")).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(invitationContentType("CANCEL")).toBe("text/calendar; charset=utf-8; method=CANCEL");
  });
});

describe("calendar links", () => {
  it("opens Google Calendar with the event's UTC range", () => {
    const url = new URL(googleCalendarUrl(covid));
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("text")).toBe(covid.title);
    expect(url.searchParams.get("dates")).toBe("20201203T090000Z/20201203T101500Z");
    expect(url.searchParams.get("details")).toContain(covid.url);
  });

  it("opens Outlook with ISO instants", () => {
    const url = new URL(outlookCalendarUrl(covid));
    expect(url.origin + url.pathname).toBe("https://outlook.office.com/calendar/0/deeplink/compose");
    expect(url.searchParams.get("subject")).toBe(covid.title);
    expect(url.searchParams.get("startdt")).toBe("2020-12-03T09:00:00Z");
    expect(url.searchParams.get("enddt")).toBe("2020-12-03T10:15:00Z");
    expect(url.searchParams.get("rru")).toBe("addevent");
  });
});

describe("feedSubscriptionLinks", () => {
  it("subscribes to the feed itself rather than downloading a copy", () => {
    const links = feedSubscriptionLinks({ feedUrl: "https://events.example.edu/series/hkust-kth.ics", name: "HKUST × KTH" });
    expect(links.webcal).toBe("webcal://events.example.edu/series/hkust-kth.ics");
    expect(links.download).toBe("/series/hkust-kth.ics");
    const google = new URL(links.google);
    expect(google.origin).toBe("https://calendar.google.com");
    expect(google.searchParams.get("cid")).toBe("webcal://events.example.edu/series/hkust-kth.ics");
    const outlook = new URL(links.outlook);
    expect(outlook.pathname).toBe("/calendar/0/addfromweb");
    expect(outlook.searchParams.get("url")).toBe("https://events.example.edu/series/hkust-kth.ics");
    expect(outlook.searchParams.get("name")).toBe("HKUST × KTH");
  });

  it("keeps a development origin's port", () => {
    expect(feedSubscriptionLinks({ feedUrl: "http://localhost:3000/calendar.ics", name: "Podium" }).webcal).toBe(
      "webcal://localhost:3000/calendar.ics",
    );
  });
});
