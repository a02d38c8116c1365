// The console's side of translations (decision 023): what an organizer translates for
// an event (with its segments and questions), a series or a person; what is still
// missing; saving one language at a time; and changing the source language. Every
// write goes through translatedFieldsSchema, and each row's language is replaced with
// one jsonb_set, so two organizers saving different languages at once never undo
// each other's work.
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import type { Tx } from "~db/records.server";
import { agendaItems, events, people, registrationQuestions, series, type TranslationsColumn, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { isLocale, LOCALE_NAMES, type Locale } from "~/i18n/locales";
import { sourceLocaleOf } from "~/i18n/localize-content";
import { languageNameFor, type Translate } from "~/i18n/translator";
import { parseTarget, targetOf, type TranslationFormValues } from "./translation-form";
import { fieldRules, hasText, missingFields, targetLocales, translatedFieldsSchema, type TranslatableKind } from "./translations";

export type TranslationScope = { kind: "event"; eventId: string } | { kind: "series"; seriesId: string } | { kind: "person"; personId: string };

interface TranslatableRecord {
  kind: TranslatableKind;
  id: string;
  /** How the console names the record, in the reader's language: "Event", "Segment 2 · Talk". */
  heading: (t: Translate) => string;
  values: Record<string, unknown>;
  translations: TranslationsColumn;
}

type Reader = Pick<Database, "select">;

/** The audit log is written in English, whoever reads the console. */
const auditWording = () => consoleTranslatorFor("en");

const tables = { event: events, series, agendaItem: agendaItems, question: registrationQuestions, person: people } as const;

/** The records one translation page covers, in the order the public page shows them. */
async function loadRecords(db: Reader, scope: TranslationScope): Promise<{ sourceLocale: Locale; records: TranslatableRecord[] } | null> {
  if (scope.kind === "series") {
    const [row] = await db.select().from(series).where(eq(series.id, scope.seriesId));
    if (!row) return null;
    return { sourceLocale: sourceLocaleOf(row), records: [{ kind: "series", id: row.id, heading: (t) => t("translationEditor.heading.series"), values: row, translations: row.translations }] };
  }
  if (scope.kind === "person") {
    const [row] = await db.select().from(people).where(eq(people.id, scope.personId));
    if (!row) return null;
    return { sourceLocale: sourceLocaleOf(row), records: [{ kind: "person", id: row.id, heading: () => row.name, values: row, translations: row.translations }] };
  }
  const [event] = await db.select().from(events).where(eq(events.id, scope.eventId));
  if (!event) return null;
  const [items, questions] = await Promise.all([
    db.select().from(agendaItems).where(eq(agendaItems.eventId, event.id)).orderBy(asc(agendaItems.position), asc(agendaItems.createdAt)),
    db.select().from(registrationQuestions).where(eq(registrationQuestions.eventId, event.id)).orderBy(asc(registrationQuestions.position)),
  ]);
  return {
    sourceLocale: sourceLocaleOf(event),
    records: [
      { kind: "event", id: event.id, heading: (t) => t("translationEditor.heading.event"), values: event, translations: event.translations },
      ...items.map((item, index) => ({
        kind: "agendaItem" as const,
        id: item.id,
        heading: (t: Translate) => t("translationEditor.heading.segment", { number: index + 1, kind: t(`translationEditor.agendaKind.${item.kind}`) }),
        values: item,
        translations: item.translations,
      })),
      ...questions.map((question, index) => ({
        kind: "question" as const,
        id: question.id,
        heading: (t: Translate) => t("translationEditor.heading.question", { number: index + 1 }),
        values: question,
        translations: question.translations,
      })),
    ],
  };
}

export interface TranslationRow {
  target: string;
  field: string;
  label: string;
  max: number;
  rows: number | null;
  list: boolean;
  source: string | string[];
}

export interface TranslationEditor {
  sourceLocale: Locale;
  locale: Locale;
  /** Every language but the source, with how many fields each still lacks. */
  languages: { locale: Locale; name: string; missing: number }[];
  sections: { heading: string; rows: TranslationRow[] }[];
  defaultValue: TranslationFormValues;
}

/** The page for one language: each field with its source text, prefilled with its translation. */
export async function loadTranslationEditor(
  db: Reader,
  scope: TranslationScope,
  asked: string | null,
  t: Translate = consoleTranslatorFor("en"),
): Promise<TranslationEditor | null> {
  const loaded = await loadRecords(db, scope);
  if (!loaded) return null;
  const { sourceLocale, records } = loaded;
  const targets = targetLocales(sourceLocale);
  const locale = isLocale(asked) && asked !== sourceLocale ? asked : targets[0]!;
  const entries: TranslationFormValues["entries"] = [];
  const sections = records
    .map((record) => {
      const translated = record.translations[locale] ?? {};
      const rows: TranslationRow[] = [];
      for (const [field, rule] of fieldRules(record.kind)) {
        const source = record.values[field];
        // A field with no source text has nothing to translate, unless an old translation is still there to clear.
        if (!hasText(source) && !hasText(translated[field])) continue;
        const target = targetOf(record.kind, record.id);
        const current = translated[field];
        rows.push({ target, field, label: fieldLabel(t, field), max: rule.max, rows: rule.rows ?? null, list: Boolean(rule.list), source: source as string | string[] });
        if (rule.list) {
          const sourceItems = Array.isArray(source) ? (source as string[]) : [];
          entries.push({ target, field, items: sourceItems.map((_, index) => (Array.isArray(current) ? (current[index] ?? "") : "")) });
        } else {
          entries.push({ target, field, text: typeof current === "string" ? current : "" });
        }
      }
      return { heading: headingWithTitle(record, t), rows };
    })
    .filter((section) => section.rows.length > 0);
  const gaps = gapsOf(records, sourceLocale, t);
  return {
    sourceLocale,
    locale,
    languages: targets.map((code) => ({ locale: code, name: LOCALE_NAMES[code], missing: gaps.find((gap) => gap.locale === code)?.fields.length ?? 0 })),
    sections,
    defaultValue: { locale, entries },
  };
}

/** The record as an audit entry names it. */
function nameOf(record: TranslatableRecord): string {
  if (record.kind === "event") return `the event “${String(record.values.title)}”`;
  if (record.kind === "series") return `the series “${String(record.values.title)}”`;
  if (record.kind === "person") return String(record.values.name);
  return headingWithTitle(record, auditWording());
}

function headingWithTitle(record: TranslatableRecord, t: Translate): string {
  const title = record.values.title ?? record.values.label;
  const heading = record.heading(t);
  return record.kind === "agendaItem" || record.kind === "question" ? t("translationEditor.heading.withTitle", { heading, title: String(title) }) : heading;
}

/** "Title", "Biography": how the console names a translatable field. */
function fieldLabel(t: Translate, field: string): string {
  return t(`translationEditor.field.${field}`);
}

export interface TranslationGap {
  locale: Locale;
  name: string;
  /** "Summary", "Segment 2 · Talk: Opening — Abstract", … */
  fields: string[];
}

function gapsOf(records: TranslatableRecord[], sourceLocale: Locale, t: Translate): TranslationGap[] {
  return targetLocales(sourceLocale).map((locale) => ({
    locale,
    name: LOCALE_NAMES[locale],
    fields: records.flatMap((record) =>
      missingFields(record.kind, { ...record.values, translations: record.translations }, locale).map((field) => {
        const label = fieldLabel(t, field);
        return record.kind === "event" || record.kind === "series" || record.kind === "person"
          ? label
          : t("translationGaps.fieldOf", { heading: headingWithTitle(record, t), field: label.toLowerCase() });
      }),
    ),
  }));
}

/** What each language still lacks, for the event overview's badge and list. */
export async function translationGaps(
  db: Reader,
  scope: TranslationScope,
  t: Translate = consoleTranslatorFor("en"),
): Promise<{ sourceLocale: Locale; gaps: TranslationGap[] } | null> {
  const loaded = await loadRecords(db, scope);
  if (!loaded) return null;
  return { sourceLocale: loaded.sourceLocale, gaps: gapsOf(loaded.records, loaded.sourceLocale, t) };
}

export type SaveTranslationsOutcome =
  | { ok: true; changed: number; locale: Locale }
  | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/**
 * Saves one language's text for every record on the page. Fields the form did not carry
 * keep what they had; blank fields become "not translated"; a record whose language ends
 * up empty loses that language altogether.
 */
export async function saveTranslations(
  db: Database,
  { scope, values, user, t = consoleTranslatorFor("en") }: { scope: TranslationScope; values: TranslationFormValues; user: User; t?: Translate },
): Promise<SaveTranslationsOutcome> {
  return db.transaction(async (tx) => {
    const loaded = await loadRecords(tx, scope);
    if (!loaded) return { ok: false, formErrors: [t("translationEditor.gone")] };
    const { sourceLocale, records } = loaded;
    const { locale } = values;
    if (locale === sourceLocale) {
      return { ok: false, formErrors: [t("translationEditor.isSource", { language: languageNameFor(t, locale) })] };
    }
    const byTarget = new Map(records.map((record) => [targetOf(record.kind, record.id), record]));
    const submitted = new Map<string, { record: TranslatableRecord; fields: Record<string, unknown>; indexes: Map<string, number> }>();
    const fieldErrors: Record<string, string[]> = {};
    values.entries.forEach((entry, index) => {
      const record = byTarget.get(entry.target);
      if (!record || parseTarget(entry.target)?.kind !== record.kind) {
        fieldErrors[`entries[${index}].text`] = [t("translationEditor.removed")];
        return;
      }
      const group = submitted.get(entry.target) ?? { record, fields: {}, indexes: new Map<string, number>() };
      const isList = fieldRules(record.kind).some(([field, rule]) => field === entry.field && rule.list === true);
      if (isList) {
        const items = (entry.items ?? []).map((item) => item ?? "");
        const sourceItems = record.values[entry.field];
        if (items.some((item) => item.trim() !== "") && (!Array.isArray(sourceItems) || items.length !== sourceItems.length)) {
          fieldErrors[`entries[${index}].items`] = [t("translationEditor.optionsChanged")];
          return;
        }
        group.fields[entry.field] = items;
      } else {
        group.fields[entry.field] = entry.text ?? "";
      }
      group.indexes.set(entry.field, index);
      submitted.set(entry.target, group);
    });

    const updates: { record: TranslatableRecord; next: Record<string, string | string[]> }[] = [];
    for (const { record, fields, indexes } of submitted.values()) {
      const parsed = translatedFieldsSchema(record.kind).safeParse(fields);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? "");
          const index = indexes.get(field);
          const key = index === undefined ? "form" : `entries[${index}].${Array.isArray(fields[field]) ? "items" : "text"}`;
          fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
        }
        continue;
      }
      const kept = Object.fromEntries(Object.entries(record.translations[locale] ?? {}).filter(([field]) => !(field in fields)));
      const next = { ...kept, ...parsed.data };
      if (JSON.stringify(sorted(next)) !== JSON.stringify(sorted(record.translations[locale] ?? {}))) updates.push({ record, next });
    }
    if (Object.keys(fieldErrors).length > 0) {
      const { form, ...rest } = fieldErrors;
      return { ok: false, fieldErrors: rest, formErrors: form ?? [t("translationEditor.correctFields")] };
    }

    for (const { record, next } of updates) await writeLanguage(tx, record, locale, next);
    if (updates.length > 0) {
      await recordAudit(tx, {
        actor: actorFor(user),
        eventId: scope.kind === "event" ? scope.eventId : null,
        action: "translations.saved",
        summary: `Saved the ${LOCALE_NAMES[locale]} text of ${updates.map(({ record }) => headingWithTitle(record, auditWording())).join(", ")}`,
        details: { locale, records: updates.map(({ record }) => targetOf(record.kind, record.id)) },
      });
    }
    return { ok: true, changed: updates.length, locale };
  });
}

function sorted(fields: Record<string, unknown>): [string, unknown][] {
  return Object.entries(fields).sort(([a], [b]) => a.localeCompare(b));
}

/** Replaces one language of one row in a single statement; other languages are left as they are in the row, not as this transaction read them. */
async function writeLanguage(tx: Tx, record: TranslatableRecord, locale: Locale, fields: Record<string, string | string[]>) {
  const table = tables[record.kind];
  const value =
    Object.keys(fields).length === 0
      ? sql`${table.translations} - ${locale}::text`
      : sql`jsonb_set(${table.translations}, array[${locale}::text], ${JSON.stringify(fields)}::jsonb)`;
  await tx.update(table).set({ translations: value } as never).where(eq(table.id, record.id));
}

export type SourceLocaleOutcome = { ok: true; locale: Locale } | { ok: false; message: string };

/**
 * Says which language a record's own text is written in. Nothing is moved: when the new
 * source language already has a translation, the organizer must clear it first, or the
 * same language would exist twice and the translation would silently stop showing.
 */
export async function changeSourceLocale(
  db: Database,
  { scope, locale, user, t = consoleTranslatorFor("en") }: { scope: TranslationScope; locale: Locale; user: User; t?: Translate },
): Promise<SourceLocaleOutcome> {
  return db.transaction(async (tx) => {
    const loaded = await loadRecords(tx, scope);
    if (!loaded) return { ok: false, message: t("translationEditor.gone") };
    if (loaded.sourceLocale === locale) return { ok: true, locale };
    const clashing = loaded.records.filter((record) => Object.keys(record.translations[locale] ?? {}).length > 0);
    if (clashing.length > 0) {
      return {
        ok: false,
        message: t("translationEditor.clash", { language: languageNameFor(t, locale), records: clashing.map((record) => headingWithTitle(record, t)).join(", ") }),
      };
    }
    const owner = loaded.records[0]!;
    const table = owner.kind === "event" ? events : owner.kind === "series" ? series : people;
    await tx.update(table).set({ defaultLocale: locale }).where(eq(table.id, owner.id));
    await recordAudit(tx, {
      actor: actorFor(user),
      eventId: scope.kind === "event" ? scope.eventId : null,
      action: "translations.source_changed",
      summary: `Marked the own text of ${nameOf(owner)} as ${LOCALE_NAMES[locale]} (was ${LOCALE_NAMES[loaded.sourceLocale]})`,
      details: { from: loaded.sourceLocale, to: locale },
    });
    return { ok: true, locale };
  });
}
