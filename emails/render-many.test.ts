// Rendering a batch once per group must give every recipient exactly the bytes their
// email would have if rendered alone: names with markup characters, quotes and
// accents, links with query strings, links present or absent, several zones in one
// batch. If a template ever changes how it uses a name or a link, this fails.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderEmail, type EmailMessage } from "./render";
import { renderEmails } from "./render-many";

const event = (zone: string) => ({
  title: "Responding to COVID-19: A Life Science Perspective",
  url: "http://podium.test/events/responding-to-covid-19",
  hostsLabel: "HKUST × KTH",
  whenInEventZones: "Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT",
  whenForRecipient: `Thursday, 3 December 2020, 10:00 – 11:15 ${zone} (your time)`,
});

const nameChars = fc.constantFrom(..."AaZzÖöéß李 &<>\"'-.,()@#;=%".split(""));
const name = fc
  .array(nameChars, { minLength: 1, maxLength: 24 })
  .map((chars) => chars.join("").trim().replace(/ +/g, " "))
  .filter((value) => value.length > 0);
const token = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);
const link = (path: string) => fc.tuple(token, fc.constantFrom("", "?a=1&b=2", "?q=<x>&r='y'")).map(([t, query]) => `https://events.podium.test/${path}/${t}${query}`);

const recipient = fc.record({
  name,
  manageUrl: link("r"),
  joinUrl: fc.option(link("j"), { nil: undefined }),
  unsubscribeUrl: fc.option(link("u"), { nil: undefined }),
  zone: fc.constantFrom("CET", "HKT", "EST"),
});
type Recipient = typeof recipient extends fc.Arbitrary<infer R> ? R : never;

/** Each fan-out template, as a function of one recipient. */
const templates: Record<string, (r: Recipient) => EmailMessage> = {
  "event-reminder": (r) => ({
    template: "event-reminder",
    props: { recipient: { name: r.name }, event: event(r.zone), manageUrl: r.manageUrl, joinUrl: r.joinUrl, unsubscribeUrl: r.unsubscribeUrl, leadTimeLabel: "in 1 hour" },
  }),
  "event-changed": (r) => ({
    template: "event-changed",
    props: { recipient: { name: r.name }, event: event(r.zone), manageUrl: r.manageUrl, joinUrl: r.joinUrl, changes: [{ field: "Time", before: "10:00 CET", after: "11:00 CET" }] },
  }),
  "event-cancelled": (r) => ({ template: "event-cancelled", props: { recipient: { name: r.name }, event: event(r.zone), manageUrl: r.manageUrl } }),
  "recording-available": (r) => ({
    template: "recording-available",
    props: { recipient: { name: r.name }, event: event(r.zone), manageUrl: r.manageUrl, unsubscribeUrl: r.unsubscribeUrl, recordings: [{ label: "Watch", url: "https://video.example/r1" }] },
  }),
  "organizer-message": (r) => ({
    template: "organizer-message",
    props: { recipient: { name: r.name }, event: event(r.zone), manageUrl: r.manageUrl, joinUrl: r.joinUrl, subjectLine: "Slides", body: "Dear all,\n\nthe slides are online.", senderName: "Chair" },
  }),
  "speaker-changes": (r) => ({
    template: "speaker-changes",
    props: { recipient: { name: r.name }, event: { title: "Talks", consoleUrl: "https://events.podium.test/admin/events/e1/agenda" }, changes: [{ at: "Monday 10:02 CET", who: "A", summary: "A confirmed" }] },
  }),
};

describe("renderEmails", () => {
  it.each(Object.keys(templates))("gives each recipient of %s the bytes rendering alone would", async (template) => {
    await fc.assert(
      fc.asyncProperty(fc.array(recipient, { minLength: 2, maxLength: 6 }), async (recipients) => {
        const messages = recipients.map(templates[template]!);
        let renders = 0;
        const together = await renderEmails(messages, { onRender: () => (renders += 1) });
        for (const [index, message] of messages.entries()) {
          expect(together[index]).toEqual({ ok: true, rendered: await renderEmail(message) });
        }
        // Rendered once per group of otherwise identical messages (zone, which links), not once each.
        const groups = new Set(recipients.map((r) => JSON.stringify(templates[template]!({ ...r, name: "", manageUrl: "", joinUrl: r.joinUrl && "", unsubscribeUrl: r.unsubscribeUrl && "" }))));
        expect(renders).toBe(groups.size);
      }),
      { numRuns: 15 },
    );
  });

  it("renders a batch of 100 reminders for one zone once", async () => {
    let renders = 0;
    const messages = Array.from({ length: 100 }, (_, n) =>
      templates["event-reminder"]!({ name: `Person ${n}`, manageUrl: `https://p.test/r/${n}`, joinUrl: `https://p.test/j/${n}`, unsubscribeUrl: `https://p.test/u/${n}`, zone: "CET" }),
    );
    const together = await renderEmails(messages, { onRender: () => (renders += 1) });
    expect(renders).toBe(1);
    expect(together[42]).toEqual({ ok: true, rendered: await renderEmail(messages[42]!) });
  });

  it("renders names the plain text would change (spaces at the ends, doubled, new lines) alone, still correctly", async () => {
    const messages = [" Ann", "Bo  Berg", "Cy\nDo", "Ed"].map((n) => templates["event-reminder"]!({ name: n, manageUrl: "https://p.test/r/x", joinUrl: undefined, unsubscribeUrl: undefined, zone: "CET" }));
    const together = await renderEmails(messages);
    for (const [index, message] of messages.entries()) expect(together[index]).toEqual({ ok: true, rendered: await renderEmail(message) });
  });

  it("reports a message that cannot render as its own failure, and renders the others", async () => {
    const good = templates["event-reminder"]!({ name: "Ann", manageUrl: "https://p.test/r/x", joinUrl: undefined, unsubscribeUrl: undefined, zone: "CET" });
    const outcomes = await renderEmails([good, { template: "no-such-template", props: {} } as unknown as EmailMessage, good]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ ok: false, error: expect.stringContaining("no-such-template") });
  });
});
