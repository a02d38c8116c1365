// Emails to a registrant are written in the registration's language: the subject,
// the body, the layout's footer and <html lang>. "No English left": every
// sentence-sized fragment of the English catalogue is looked for in the Swedish
// and Chinese renders, and none may be there.
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "~/i18n/catalogues.server";
import type { Messages } from "~/i18n/translator";
import { renderEmail, type EmailMessage } from "./render";

const event = {
  title: "Responding to COVID-19: A Life Science Perspective",
  url: "http://podium.test/events/responding-to-covid-19",
  hostsLabel: "HKUST × KTH",
  whenInEventZones: "2020年12月3日（星期四）10:00 – 11:15 CET；17:00 – 18:15 HKT",
  whenForRecipient: "2020年12月3日（星期四）17:00 – 18:15 HKT（你的時間）",
};
const base = { recipient: { name: "陳大文" }, event, manageUrl: "http://podium.test/r/manage-token", joinUrl: "http://podium.test/j/join-token" };

function messagesIn(locale: "sv" | "zh-Hant"): EmailMessage[] {
  const props = { ...base, locale };
  return [
    { template: "registration-confirmed", props },
    { template: "registration-waitlisted", props: { ...props, waitlistPosition: 7 } },
    { template: "promoted-from-waitlist", props: { ...props, seatCameFrom: "freed" } },
    { template: "registration-pending", props },
    { template: "registration-approved", props },
    { template: "registration-declined", props },
    { template: "registration-cancelled", props: { ...props, cancelledBy: "registrant", seatPassedOn: true, calendarUpdate: true } },
    { template: "event-reminder", props: { ...props, leadTimeLabel: locale === "sv" ? "om 24 timmar" : "24 小時後", unsubscribeUrl: "http://podium.test/r/x/unsubscribe" } },
    { template: "event-changed", props: { ...props, changes: [{ field: locale === "sv" ? "Tid" : "時間", before: "09:00", after: "10:00" }] } },
    { template: "event-cancelled", props: { ...props, calendarUpdate: true } },
    { template: "recording-available", props: { ...props, recordings: [{ label: "YouTube", url: "https://video.example/r1" }] } },
    { template: "organizer-message", props: { ...props, subjectLine: "Slides", body: "…", senderName: "Programme Chair" } },
    // A speaker's invitation and an organizer's sign-in link follow the same rule.
    {
      template: "speaker-invitation",
      props: {
        recipient: base.recipient,
        event,
        segments: [{ title: "Keynote", role: locale === "sv" ? "Talare" : "講者", when: "10:00 – 11:15 CET" }],
        portalUrl: "http://podium.test/speak/token",
        editUntil: "2 December 2020",
        locale,
      },
    },
    { template: "sign-in-link", props: { recipient: base.recipient, signInUrl: "http://podium.test/login/link/token", validMinutes: 15, locale } },
    // An organizer's own emails follow the language they use the console in.
    {
      template: "webhook-endpoint-disabled",
      props: {
        recipient: base.recipient,
        endpoint: { url: "https://crm.example.edu/hooks/podium", description: "CRM", consoleUrl: "http://podium.test/admin/webhooks/w1" },
        failingSince: "2020-12-01 10:00 UTC",
        lastError: "HTTP 503",
        locale,
      },
    },
    // The speakers' digest: the organizer's language, else the event's default language.
    {
      template: "speaker-changes",
      props: {
        recipient: base.recipient,
        event: { title: event.title, consoleUrl: "http://podium.test/admin/events/e1/agenda" },
        changes: [{ at: "10:02 CET", who: "陳偉", summary: locale === "sv" ? "陳偉 bekräftade sin medverkan" : "陳偉 已確認參與" }],
        locale,
      },
    },
  ];
}

/** English fragments of two words or more, with {{variables}} cut out. */
function englishFragments(messages: Messages): string[] {
  const found: string[] = [];
  const walk = (node: Messages) => {
    for (const value of Object.values(node)) {
      if (typeof value !== "string") walk(value);
      else for (const part of value.split(/\{\{[^}]+\}\}/)) if (part.trim().split(/\s+/).length >= 2) found.push(part.trim());
    }
  };
  walk(messages);
  return found;
}

const english = englishFragments(CATALOGUES.en.email as Messages);

describe.each(["sv", "zh-Hant"] as const)("emails to registrants in %s", (locale) => {
  it("leave no English sentence in the subject, the HTML or the text", async () => {
    for (const message of messagesIn(locale)) {
      const rendered = await renderEmail(message);
      const all = `${rendered.subject}\n${rendered.text}`;
      expect({ template: message.template, left: english.filter((fragment) => all.includes(fragment)) }).toEqual({ template: message.template, left: [] });
      expect(rendered.html).toContain(`lang="${locale}"`);
    }
  });
});

describe("the recipient's language", () => {
  it("writes the confirmation in Hong Kong Chinese and Swedish, and English when a row names none", async () => {
    const chinese = await renderEmail({ template: "registration-confirmed", props: { ...base, locale: "zh-Hant" } });
    expect(chinese.subject).toBe("登記成功：Responding to COVID-19: A Life Science Perspective");
    expect(chinese.text).toContain("陳大文，你好：");
    expect(chinese.text).toContain("你的名額已經確認");
    const swedish = await renderEmail({ template: "registration-confirmed", props: { ...base, locale: "sv" } });
    expect(swedish.subject).toBe("Du är anmäld: Responding to COVID-19: A Life Science Perspective");
    const queuedBefore = await renderEmail({ template: "registration-confirmed", props: base });
    expect(queuedBefore.subject).toBe("You are registered: Responding to COVID-19: A Life Science Perspective");
    expect(queuedBefore.html).toContain('lang="en"');
  });
});

describe("the speakers' digest to organizers", () => {
  const digest = (locale: "en" | "sv" | "zh-Hant" | undefined, count = 2) =>
    renderEmail({
      template: "speaker-changes",
      props: {
        recipient: { name: "Programme Chair" },
        event: { title: event.title, consoleUrl: "http://podium.test/admin/events/e1/agenda" },
        changes: Array.from({ length: count }, (_, i) => ({ at: `10:0${i} CET`, who: "Danica KRAGIC", summary: "Danica KRAGIC changed the abstract" })),
        locale,
      },
    });

  it("is written in the event's language, with each language's plural", async () => {
    const chinese = await digest("zh-Hant");
    expect(chinese.subject).toBe("講者更新了 2 項資料：Responding to COVID-19: A Life Science Perspective");
    expect(chinese.text).toContain("講者透過其專屬網頁作出以下更改");
    expect(chinese.html).toContain('lang="zh-Hant"');
    expect((await digest("sv", 1)).subject).toBe("Talarna ändrade 1 uppgift: Responding to COVID-19: A Life Science Perspective");
    expect((await digest("sv")).subject).toBe("Talarna ändrade 2 uppgifter: Responding to COVID-19: A Life Science Perspective");
  });

  it("keeps its English wording in English, and for digests queued before the language was recorded", async () => {
    for (const rendered of [await digest("en"), await digest(undefined)]) {
      expect(rendered.subject).toBe("Speakers updated 2 details: Responding to COVID-19: A Life Science Perspective");
      expect(rendered.text).toContain("made these changes through their private pages:");
      expect(rendered.html).toContain('lang="en"');
    }
    expect((await digest("en", 1)).subject).toBe("Speakers updated 1 detail: Responding to COVID-19: A Life Science Perspective");
  });
});
