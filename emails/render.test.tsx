import { describe, expect, it } from "vitest";
import { renderEmail, type EmailMessage } from "./render";

const event = {
  title: "Responding to COVID-19: A Life Science Perspective",
  url: "http://podium.test/events/responding-to-covid-19",
  hostsLabel: "HKUST × KTH",
  whenInEventZones: "Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT",
  whenForRecipient: "Thursday, 3 December 2020, 10:00 – 11:15 CET (your time)",
};
const base = { recipient: { name: "Stefan Östlund" }, event, manageUrl: "http://podium.test/r/manage-token", joinUrl: "http://podium.test/j/join-token" };

const messages: [EmailMessage, string][] = [
  [{ template: "registration-confirmed", props: base }, "You are registered: Responding to COVID-19: A Life Science Perspective"],
  [{ template: "registration-waitlisted", props: { ...base, waitlistPosition: 7 } }, "You are on the waitlist: Responding to COVID-19: A Life Science Perspective"],
  [{ template: "promoted-from-waitlist", props: base }, "A seat is yours: Responding to COVID-19: A Life Science Perspective"],
  [{ template: "registration-pending", props: base }, "Registration received: Responding to COVID-19: A Life Science Perspective"],
  [{ template: "registration-approved", props: base }, "Approved: Responding to COVID-19: A Life Science Perspective"],
  [{ template: "registration-declined", props: base }, "Registration not approved: Responding to COVID-19: A Life Science Perspective"],
  [{ template: "registration-cancelled", props: base }, "Registration cancelled: Responding to COVID-19: A Life Science Perspective"],
  [{ template: "event-reminder", props: { ...base, leadTimeLabel: "in 24 hours", unsubscribeUrl: "http://podium.test/r/manage-token/unsubscribe" } }, "Starts in 24 hours: Responding to COVID-19: A Life Science Perspective"],
  [{ template: "event-changed", props: { ...base, changes: [{ field: "Time", before: "10:00 – 11:15 CET", after: "11:00 – 12:15 CET" }] } }, "Updated: Responding to COVID-19: A Life Science Perspective"],
  [{ template: "event-cancelled", props: base }, "Cancelled: Responding to COVID-19: A Life Science Perspective"],
  [{ template: "recording-available", props: { ...base, recordings: [{ label: "Watch the recording", url: "https://video.example/r1" }] } }, "Recording available: Responding to COVID-19: A Life Science Perspective"],
  [
    { template: "organizer-message", props: { ...base, subjectLine: "Slides are online", body: "Dear all,\n\nthe slides are on the event page.", senderName: "Programme Chair" } },
    "Slides are online — Responding to COVID-19: A Life Science Perspective",
  ],
];

describe("renderEmail", () => {
  it("keeps an organizer's message as text: paragraphs from blank lines, markup escaped", async () => {
    const rendered = await renderEmail({
      template: "organizer-message",
      props: { ...base, subjectLine: "Room change", body: "First <b>line</b>\r\n\r\nSecond paragraph", senderName: "Programme Chair" },
    });
    expect(rendered.html).toContain("First &lt;b&gt;line&lt;/b&gt;");
    expect(rendered.html).not.toContain("<b>line</b>");
    expect(rendered.text).toContain("First <b>line</b>");
    expect(rendered.text).toContain("Second paragraph");
    expect(rendered.text).toContain("Programme Chair, for the organizers");
  });

  it.each(messages)("renders $template with subject, times and the manage link in HTML and text", async (message, subject) => {
    const rendered = await renderEmail(message);
    expect(rendered.subject).toBe(subject);
    for (const part of [rendered.html, rendered.text]) {
      expect(part).toContain("Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT");
      expect(part).toContain("10:00 – 11:15 CET (your time)");
      expect(part).toContain("http://podium.test/r/manage-token");
      expect(part).toContain("Stefan Östlund");
    }
    expect(rendered.text).not.toMatch(/<[a-z][^>]*>/i);
    expect(rendered.html).toMatch(/^<!DOCTYPE html/i);
  });

  it("invites a speaker with their sessions in their own zone and the event's, and their private link", async () => {
    const rendered = await renderEmail({
      template: "speaker-invitation",
      props: {
        recipient: { name: "Prof. Danica KRAGIC" },
        event,
        segments: [{ title: "Panel discussion", role: "Moderator", when: "Thursday, 3 December 2020: 10:55 – 11:15 CET · 17:55 – 18:15 HKT (your time: 04:55 – 05:15 EST)" }],
        portalUrl: "http://podium.test/speak/speaker-token",
        editUntil: "Wednesday, 2 December 2020, 10:00 CET",
      },
    });
    expect(rendered.subject).toBe("Speaker invitation: Responding to COVID-19: A Life Science Perspective");
    for (const part of [rendered.html, rendered.text]) {
      expect(part).toContain("Moderator: Panel discussion");
      expect(part).toContain("(your time: 04:55 – 05:15 EST)");
      expect(part).toContain("http://podium.test/speak/speaker-token");
      expect(part).toContain("Wednesday, 2 December 2020, 10:00 CET");
      // An invitation is not a registration: no manage link.
      expect(part).not.toContain("/r/");
    }
  });

  it("summarises speakers' changes for organizers in one email", async () => {
    const rendered = await renderEmail({
      template: "speaker-changes",
      props: {
        recipient: { name: "Demo Organizer" },
        event: { title: event.title, consoleUrl: "http://podium.test/admin/events/e1/agenda" },
        changes: [
          { at: "Monday, 23 November 2026, 10:02 CET", who: "Danica KRAGIC", summary: "Danica KRAGIC confirmed taking part" },
          { at: "Monday, 23 November 2026, 10:04 CET", who: "Danica KRAGIC", summary: "Danica KRAGIC changed the abstract" },
        ],
      },
    });
    expect(rendered.subject).toBe("Speakers updated 2 details: Responding to COVID-19: A Life Science Perspective");
    for (const part of [rendered.html, rendered.text]) {
      expect(part).toContain("Danica KRAGIC confirmed taking part");
      expect(part).toContain("Danica KRAGIC changed the abstract");
      expect(part).toContain("http://podium.test/admin/events/e1/agenda");
    }
  });

  it("escapes hostile names in HTML", async () => {
    const rendered = await renderEmail({ template: "registration-confirmed", props: { ...base, recipient: { name: "<script>alert(1)</script>" } } });
    expect(rendered.html).not.toContain("<script>alert(1)</script>");
    expect(rendered.html).toContain("&lt;script&gt;");
  });

  it("puts the unsubscribe link in reminders and the waitlist position in waitlist emails", async () => {
    const reminder = await renderEmail(messages[7]![0]);
    expect(reminder.html).toContain("http://podium.test/r/manage-token/unsubscribe");
    const waitlisted = await renderEmail(messages[1]![0]);
    expect(waitlisted.text).toContain("number 7 on the waitlist");
  });

  it("renders the same bytes for the same props, so a retried send matches its idempotency key", async () => {
    const [a, b] = await Promise.all([renderEmail(messages[0]![0]), renderEmail(messages[0]![0])]);
    expect(a).toEqual(b);
  });
});

describe("cancellation wording", () => {
  it("says only what happened, for every combination", async () => {
    const { cancellationSentences } = await import("./registration-cancelled");
    for (const cancelledBy of ["registrant", "organizer", undefined] as const) {
      for (const seatPassedOn of [true, false]) {
        for (const calendarUpdate of [true, false]) {
          const text = cancellationSentences({ cancelledBy, seatPassedOn, calendarUpdate }).join(" ");
          expect(text.includes("waitlist")).toBe(seatPassedOn);
          expect(text.includes("calendar")).toBe(calendarUpdate);
          expect(text.includes("As you asked")).toBe(cancelledBy === "registrant");
          expect(text.includes("The organizers have cancelled")).toBe(cancelledBy === "organizer");
        }
      }
    }
  });
});
