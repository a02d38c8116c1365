// Translations end to end on a real database: what the console saves (and refuses),
// what a reader in each language then gets on the pages, in the calendar files and in
// the JSON-LD, with the fallback to the source language field by field.
import { eq } from "drizzle-orm";
import ical from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createPerson, createSeries } from "~db/factories";
import { agendaItems, contentVersions, events, registrationQuestions, type Event, type User } from "~db/schema";
import { createUser } from "~/auth/users.server";
import { calendarResponse } from "~/events/calendar-response.server";
import { toEventPage } from "~/events/event-view.server";
import { findPublicEvent, findSpeaker, listPublicEvents } from "~/events/public-events.server";
import { toSpeakerPage } from "~/events/speaker-view.server";
import type { Locale } from "~/i18n/locales";
import { handleRegistrantAction, loadRegistrantPage } from "~/registrations/registrant-page.server";
import { registerAttendee } from "~/registrations/register.server";
import { loadRegistrationPanel } from "~/registrations/registration-panel.server";
import { TEST_LINK_SECRET } from "../../test/support/load-context";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { changeSourceLocale, loadTranslationEditor, saveTranslations, translationGaps } from "./translations-admin.server";
import { targetOf } from "./translation-form";

const NOW = new Date("2026-11-23T12:00:00Z");
const DAY = 86_400_000;
let database: TestDatabase;
let organizer: User;

beforeAll(async () => {
  database = await createTestDatabase();
  organizer = await createUser(database.db, { email: "chair@kth.se", name: "Chair", password: "correct horse battery", role: "organizer" });
});
afterAll(async () => {
  await database?.destroy();
});

let speakers = 0;

async function grapheneEvent(extra: Partial<Parameters<typeof createEvent>[1]> = {}) {
  const speaker = await createPerson(database.db, { slug: `carina-lagergren-${(speakers += 1)}`, name: "Carina LAGERGREN", position: "Professor, Applied Electrochemistry", affiliation: "KTH" });
  const startsAt = new Date(NOW.getTime() + 9 * DAY);
  const event = await createEvent(database.db, {
    title: "Graphene Membranes for Clean Energy",
    summary: "HKUST × KTH Joint Webinar",
    descriptionMd: "Researchers from **HKUST** and **KTH** discuss thin carbon.",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 75 * 60_000),
    displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
    agenda: [
      { kind: "talk", title: "Making graphene membranes at scale", abstract: "How to make them.", roles: [{ person: speaker, role: "speaker" }] },
      { kind: "qa", title: "Questions from the audience" },
    ],
    questions: [{ kind: "single_choice", label: "Where do you work?", required: true, options: ["University", "Industry"] }],
    ...extra,
  });
  const items = await database.db.select().from(agendaItems).where(eq(agendaItems.eventId, event.id)).orderBy(agendaItems.position);
  const [question] = await database.db.select().from(registrationQuestions).where(eq(registrationQuestions.eventId, event.id));
  return { event, items, question: question!, speaker };
}

function entry(kind: Parameters<typeof targetOf>[0], id: string, field: string, text: string) {
  return { target: targetOf(kind, id), field, text };
}

async function save(event: Event, locale: Locale, entries: { target: string; field: string; text?: string; items?: string[] }[]) {
  return saveTranslations(database.db, { scope: { kind: "event", eventId: event.id }, values: { locale, entries }, user: organizer });
}

async function stored(eventId: string) {
  const [row] = await database.db.select().from(events).where(eq(events.id, eventId));
  return row!;
}

async function page(slug: string, reader: Locale, pageLocale: Locale = "en") {
  const event = (await findPublicEvent(database.db, slug))!;
  return toEventPage(event, { viewerZone: null, now: NOW, origin: "http://podium.test", language: { reader, page: pageLocale } });
}

describe("saving one language from the console", () => {
  it("saves the event, its segments and its question together, and leaves the other languages alone", async () => {
    const { event, items, question } = await grapheneEvent({ translations: { "zh-Hant": { title: "石墨烯薄膜與潔淨能源" } } });
    const outcome = await save(event, "sv", [
      entry("event", event.id, "title", "Grafenmembran för ren energi"),
      entry("event", event.id, "summary", ""),
      entry("agendaItem", items[0]!.id, "title", "Grafenmembran i stor skala"),
      { target: targetOf("question", question.id), field: "options", items: ["Universitet", "Näringsliv"] },
      entry("question", question.id, "label", "Var arbetar du?"),
    ]);
    expect(outcome).toEqual({ ok: true, changed: 3, locale: "sv" });
    const row = await stored(event.id);
    // Blank summary means "not translated": it is not stored at all.
    expect(row.translations).toEqual({ "zh-Hant": { title: "石墨烯薄膜與潔淨能源" }, sv: { title: "Grafenmembran för ren energi" } });
    const [item] = await database.db.select().from(agendaItems).where(eq(agendaItems.id, items[0]!.id));
    expect(item!.translations).toEqual({ sv: { title: "Grafenmembran i stor skala" } });
    const [q] = await database.db.select().from(registrationQuestions).where(eq(registrationQuestions.id, question.id));
    expect(q!.translations).toEqual({ sv: { label: "Var arbetar du?", options: ["Universitet", "Näringsliv"] } });
    // The source text is untouched.
    expect(row.title).toBe("Graphene Membranes for Clean Energy");
  });

  it("clears a language when every field is emptied, and says when nothing changed", async () => {
    const { event } = await grapheneEvent({ translations: { sv: { title: "Grafen" }, "zh-Hant": { title: "石墨烯" } } });
    expect(await save(event, "sv", [entry("event", event.id, "title", "Grafen")])).toMatchObject({ ok: true, changed: 0 });
    expect(await save(event, "sv", [entry("event", event.id, "title", "   ")])).toMatchObject({ ok: true, changed: 1 });
    expect((await stored(event.id)).translations).toEqual({ "zh-Hant": { title: "石墨烯" } });
  });

  it("refuses text that is too long, options out of step with the source, another event's segment and the source language, writing nothing", async () => {
    const { event, question } = await grapheneEvent();
    const other = await grapheneEvent();
    const before = await stored(event.id);

    const tooLong = await save(event, "sv", [entry("event", event.id, "summary", "x".repeat(501)), entry("event", event.id, "title", "Grafen")]);
    expect(tooLong).toMatchObject({ ok: false, fieldErrors: { "entries[0].text": ["Keep the summary under 500 characters"] } });

    const options = await save(event, "sv", [{ target: targetOf("question", question.id), field: "options", items: ["Universitet", "Näringsliv", "Annat"] }]);
    expect(options).toMatchObject({ ok: false, fieldErrors: { "entries[0].items": [expect.stringMatching(/options changed/)] } });

    const foreign = await save(event, "sv", [entry("agendaItem", other.items[0]!.id, "title", "Kapat")]);
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { "entries[0].text": [expect.stringMatching(/reload the page/)] } });

    const sourceLanguage = await save(event, "en", [entry("event", event.id, "title", "Another title")]);
    expect(sourceLanguage).toMatchObject({ ok: false, formErrors: [expect.stringMatching(/English is the source language/)] });

    expect((await stored(event.id)).translations).toEqual(before.translations);
    expect((await stored(other.event.id)).translations).toEqual({});
  });

  it("raises the content version, so no cached page keeps the old text", async () => {
    const { event } = await grapheneEvent();
    const version = async () => (await database.db.select().from(contentVersions))[0]!.version;
    const before = await version();
    await save(event, "zh-Hant", [entry("event", event.id, "title", "石墨烯薄膜")]);
    expect(await version()).toBeGreaterThan(before);
  });
});

describe("what the organizer sees", () => {
  it("lists each language's missing fields, and the editor pairs every field with its source text", async () => {
    const { event, items } = await grapheneEvent({ translations: { sv: { title: "Grafen", summary: "Webbinarium", descriptionMd: "Om kol." } } });
    const gaps = (await translationGaps(database.db, { kind: "event", eventId: event.id }))!;
    const swedish = gaps.gaps.find((gap) => gap.locale === "sv")!;
    expect(swedish.fields).toEqual([
      "Segment 1 · Talk: Making graphene membranes at scale — title",
      "Segment 1 · Talk: Making graphene membranes at scale — abstract",
      "Segment 2 · Q&A: Questions from the audience — title",
      "Registration question 1: Where do you work? — question",
      "Registration question 1: Where do you work? — options",
    ]);
    expect(gaps.gaps.find((gap) => gap.locale === "zh-Hant")!.fields).toContain("Title");
    expect(gaps.gaps.map((gap) => gap.locale)).toEqual(["zh-Hant", "sv"]);

    const editor = (await loadTranslationEditor(database.db, { kind: "event", eventId: event.id }, "sv"))!;
    expect(editor.locale).toBe("sv");
    expect(editor.languages).toEqual([
      { locale: "zh-Hant", name: "繁體中文", missing: 8 },
      { locale: "sv", name: "Svenska", missing: 5 },
    ]);
    const rows = editor.sections.flatMap((section) => section.rows);
    expect(rows.length).toBe(editor.defaultValue.entries.length);
    expect(rows[0]).toMatchObject({ field: "title", source: "Graphene Membranes for Clean Energy" });
    expect(editor.defaultValue.entries[0]).toEqual({ target: targetOf("event", event.id), field: "title", text: "Grafen" });
    expect(rows.find((row) => row.target === targetOf("agendaItem", items[1]!.id) && row.field === "abstract")).toBeUndefined();
    // The source language is never offered as a tab.
    expect((await loadTranslationEditor(database.db, { kind: "event", eventId: event.id }, "en"))!.locale).toBe("zh-Hant");
  });

  it("changes the source language only when that language has no translation of its own", async () => {
    const { event } = await grapheneEvent({ translations: { sv: { title: "Grafen" } } });
    const refused = await changeSourceLocale(database.db, { scope: { kind: "event", eventId: event.id }, locale: "sv", user: organizer });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/already Swedish text for Event/) });
    expect((await stored(event.id)).defaultLocale).toBe("en");
    expect(await changeSourceLocale(database.db, { scope: { kind: "event", eventId: event.id }, locale: "zh-Hant", user: organizer })).toEqual({ ok: true, locale: "zh-Hant" });
    expect((await stored(event.id)).defaultLocale).toBe("zh-Hant");
  });
});

describe("what readers get", () => {
  it("shows each field in the reader's language, or the source language whole, marked with lang", async () => {
    const series = await createSeries(database.db, { title: "HKUST × KTH Joint Webinars", translations: { "zh-Hant": { title: "香港科技大學 × 瑞典皇家理工學院聯合網絡研討會" } } });
    const { event, items, question, speaker } = await grapheneEvent({
      seriesId: series.id,
      translations: {
        sv: { title: "Grafenmembran för ren energi", descriptionMd: "Forskare från **HKUST** och **KTH**." },
        "zh-Hant": { title: "石墨烯薄膜與潔淨能源", summary: "聯合網絡研討會" },
      },
    });
    await save(event, "sv", [entry("agendaItem", items[0]!.id, "title", "Grafenmembran i stor skala")]);
    await saveTranslations(database.db, {
      scope: { kind: "person", personId: speaker.id },
      values: { locale: "zh-Hant", entries: [entry("person", speaker.id, "position", "應用電化學教授")] },
      user: organizer,
    });

    const swedish = await page(event.slug, "sv");
    expect(swedish.title).toBe("Grafenmembran för ren energi");
    expect(swedish.lang.title).toBe("sv");
    // No Swedish summary: the English one, whole, in an English page needs no lang of its own.
    expect(swedish.summary).toBe("HKUST × KTH Joint Webinar");
    expect(swedish.lang.summary).toBeUndefined();
    expect(swedish.descriptionHtml).toContain("Forskare från <strong>HKUST</strong>");
    expect(swedish.agenda.map((item) => [item.title, item.lang.title])).toEqual([
      ["Grafenmembran i stor skala", "sv"],
      ["Questions from the audience", undefined],
    ]);
    expect(swedish.agenda[0]!.abstract).toBe("How to make them.");
    expect(swedish.series).toMatchObject({ title: "HKUST × KTH Joint Webinars", lang: {} });
    expect(swedish.jsonLd).toMatchObject({ name: "Grafenmembran för ren energi", inLanguage: "sv" });

    // Once the interface speaks Swedish (part A), the English fallbacks carry lang="en" instead.
    const swedishPage = await page(event.slug, "sv", "sv");
    expect(swedishPage.lang).toEqual({ summary: "en" });
    expect(swedishPage.agenda[1]!.lang).toEqual({ title: "en", abstract: "en" });

    const chinese = await page(event.slug, "zh-Hant");
    expect([chinese.title, chinese.summary]).toEqual(["石墨烯薄膜與潔淨能源", "聯合網絡研討會"]);
    expect(chinese.descriptionHtml).toContain("Researchers from");
    expect(chinese.descriptionLang).toBeUndefined();
    expect(chinese.series).toMatchObject({ title: "香港科技大學 × 瑞典皇家理工學院聯合網絡研討會", lang: { title: "zh-Hant" } });
    expect(chinese.agenda[0]!.people[0]).toMatchObject({ position: "應用電化學教授", lang: { position: "zh-Hant" }, affiliation: "KTH", displayName: "Carina LAGERGREN" });
    expect(chinese.jsonLd).toMatchObject({ name: "石墨烯薄膜與潔淨能源", description: "聯合網絡研討會", inLanguage: "zh-Hant" });

    const english = await page(event.slug, "en");
    expect([english.title, english.lang]).toEqual(["Graphene Membranes for Clean Energy", {}]);
    expect(english.jsonLd).toMatchObject({ name: "Graphene Membranes for Clean Energy", inLanguage: "en" });

    // The registration form: labels and options translated, answers still the source options.
    const panel = (await loadRegistrationPanel(database.db, event, NOW, { reader: "sv", page: "en" }))!;
    expect(panel.questions[0]).toMatchObject({ label: "Where do you work?", options: ["University", "Industry"], shown: { label: "Where do you work?" } });
    await save(event, "sv", [{ target: targetOf("question", question.id), field: "options", items: ["Universitet", "Näringsliv"] }]);
    const translatedPanel = (await loadRegistrationPanel(database.db, event, NOW, { reader: "sv", page: "en" }))!;
    expect(translatedPanel.questions[0]).toMatchObject({ options: ["University", "Industry"], shown: { options: ["Universitet", "Näringsliv"], lang: { options: "sv" } } });

    // Cards on the home page and the speaker's own page follow the same rule.
    const { upcoming } = await listPublicEvents(database.db, { now: NOW });
    expect(upcoming.find((e) => e.id === event.id)).toBeDefined();
    const speakerPage = toSpeakerPage((await findSpeaker(database.db, speaker.slug))!, { viewerZone: null, now: NOW, language: { reader: "zh-Hant", page: "en" } });
    expect(speakerPage.person).toMatchObject({ position: "應用電化學教授", lang: { position: "zh-Hant" } });
    expect(speakerPage.sessions[0]).toMatchObject({ title: "Making graphene membranes at scale", event: { title: "石墨烯薄膜與潔淨能源", lang: { title: "zh-Hant" } } });
  });

  it("titles the registrant's own page in the reader's language, or in the source language marked with lang", async () => {
    const { event } = await grapheneEvent({ translations: { sv: { title: "Grafenmembran för ren energi" } } });
    const outcome = await registerAttendee(database.db, {
      eventId: event.id,
      input: { name: "Sara Lind", email: "sara@kth.se", affiliation: "KTH", timeZone: "Europe/Stockholm", answers: {} },
      now: NOW,
      links: { origin: "http://podium.test", secret: TEST_LINK_SECRET },
    });
    if (outcome.kind !== "registered") throw new Error(`not registered: ${outcome.kind}`);
    const read = (locale: Locale) => loadRegistrantPage(database.db, outcome.manageToken, NOW, { origin: "http://podium.test", secret: TEST_LINK_SECRET }, locale);
    expect((await read("sv"))!.event).toMatchObject({ title: "Grafenmembran för ren energi", lang: {} });
    expect((await read("zh-Hant"))!.event).toMatchObject({ title: event.title, lang: { title: "en" } });

    // On that page the registrant picks the language of their emails; one Podium does not speak changes nothing.
    const choose = (emailLocale: string) => {
      const formData = new FormData();
      formData.set("intent", "language");
      formData.set("emailLocale", emailLocale);
      return handleRegistrantAction(database.db, { token: outcome.manageToken, formData, now: NOW, links: { origin: "http://podium.test", secret: TEST_LINK_SECRET } });
    };
    expect(await choose("sv")).toEqual({ kind: "language" });
    expect((await read("en"))!.registration.locale).toBe("sv");
    expect((await choose("fr")).kind).toBe("error");
    expect((await read("en"))!.registration.locale).toBe("sv");
  });

  it("writes the .ics in the reader's language, falling back field by field", async () => {
    const { event } = await grapheneEvent({ translations: { sv: { title: "Grafenmembran för ren energi" }, "zh-Hant": { title: "石墨烯薄膜", summary: "聯合網絡研討會" } } });
    const detail = (await findPublicEvent(database.db, event.slug))!;
    const read = async (locale: Locale) => {
      const response = calendarResponse({ name: "x", filename: "x.ics", events: [detail], origin: "http://podium.test", locale });
      const [vevent] = Object.values(ical.sync.parseICS(await response.text())).filter((c): c is ical.VEvent => c?.type === "VEVENT");
      return { summary: String(vevent!.summary), description: String(vevent!.description), sequence: vevent!.sequence };
    };
    const [english, swedish, chinese] = await Promise.all([read("en"), read("sv"), read("zh-Hant")]);
    expect(english.summary).toBe("Graphene Membranes for Clean Energy");
    expect(swedish.summary).toBe("Grafenmembran för ren energi");
    expect(swedish.description).toContain("HKUST × KTH Joint Webinar");
    expect(chinese.summary).toBe("石墨烯薄膜");
    expect(chinese.description).toContain("聯合網絡研討會");
    // One event, one UID and SEQUENCE whatever the language.
    expect(new Set([english.sequence, swedish.sequence, chinese.sequence]).size).toBe(1);
  });
});
