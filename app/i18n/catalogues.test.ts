// Keeps the three catalogues honest: the same messages in every language, each
// language's own plural forms, the same {{variables}}, and nothing English has
// that no code asks for.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "./catalogues.server";
import { CONSOLE_CATALOGUES } from "./console-catalogues.server";
import { SUPPORTED_LOCALES, type Locale } from "./locales";
import type { Messages } from "./translator";

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(path, value);
    else for (const [inner, text] of flatten(value, path)) flat.set(inner, text);
  }
  return flat;
}

/** Base key → { plural forms present, variables used in any form }. */
function shape(messages: Messages) {
  const byBase = new Map<string, { forms: Set<string>; variables: Set<string> }>();
  for (const [key, text] of flatten(messages)) {
    const plural = PLURAL_SUFFIX.exec(key);
    const base = plural ? key.slice(0, plural.index) : key;
    const entry = byBase.get(base) ?? { forms: new Set<string>(), variables: new Set<string>() };
    entry.forms.add(plural ? plural[1]! : "");
    for (const match of text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) entry.variables.add(match[1]!);
    byBase.set(base, entry);
  }
  return byBase;
}

/** Names and codes that read the same in every language. */
const SAME_EVERYWHERE: Record<string, Set<string>> = {
  interface: new Set(["agendaRole.moderator", "event.downloadIcs", "event.outlook", "portal.scheduleItem", "email.speakerInvitation.segment", "email.webhookDisabled.urlWithName"]),
  console: new Set([
    "nav.webhooks",
    // Directory: Swedish words spelt as in English, and punctuation-only patterns.
    "person.role.moderator",
    "users.column.status",
    "translationEditor.heading.withTitle",
    "translationGaps.fieldOf",
    // Event pages: punctuation-only patterns and separators, and Swedish words spelt as in English.
    "registrationStatus.count",
    "messages.audienceCount",
    "agenda.personLine",
    "agenda.lastChangeAt",
    "questions.summaryOptions",
    "eventOverview.problemSeparator",
    "eventOverview.notice.separator",
    "registrations.sentenceSeparator",
    "eventForm.hostRole.partner",
    "agenda.field.person",
    "agenda.role.moderator",
    // A list of zone names in parentheses reads the same in Swedish.
    "agenda.zoneSeparator",
    "registrations.filter.status",
    "registrations.table.status",
  ]),
};

describe.each([
  ["interface", CATALOGUES],
  ["console", CONSOLE_CATALOGUES],
] as const)("the %s catalogues", (name, catalogues) => {
  const english = shape(catalogues.en);

  describe.each(SUPPORTED_LOCALES.filter((l) => l !== "en"))("in %s", (locale: Locale) => {
    const translated = shape(catalogues[locale]);

    it("have every message English has, and none English lacks", () => {
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it("use exactly the same {{variables}} in each message", () => {
      for (const [key, { variables }] of english) {
        expect({ key, variables: [...(translated.get(key)?.variables ?? [])].sort() }).toEqual({ key, variables: [...variables].sort() });
      }
    });

    it("give each plural exactly the forms the language needs", () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
      for (const [key, { forms }] of translated) {
        if (english.get(key)?.forms.has("")) continue;
        expect({ key, forms: [...forms].sort() }).toEqual({ key, forms: categories });
      }
    });

    it("keep English's spaces at the ends of a message where the language puts spaces between words", () => {
      // A separator such as ", " or " och " joined to other text loses its space otherwise ("ochAsia/Hong Kong").
      if (locale === "zh-Hant") return;
      const englishFlat = flatten(catalogues.en);
      const ends = (text: string) => [/^\s/.test(text), /\s$/.test(text)];
      const mismatched = [...flatten(catalogues[locale])].filter(([key, text]) => {
        const source = englishFlat.get(key) ?? englishFlat.get(key.replace(PLURAL_SUFFIX, "_other"));
        return source !== undefined && ends(source).join() !== ends(text).join();
      });
      expect(mismatched).toEqual([]);
    });

    it("are written in their own language: no message is left as the English text", () => {
      const englishFlat = flatten(catalogues.en);
      const untranslated = [...flatten(catalogues[locale])].filter(([key, text]) => englishFlat.get(key) === text && !SAME_EVERYWHERE[name]!.has(key));
      expect(untranslated).toEqual([]);
    });
  });

  it("give each English plural the forms English needs", () => {
    for (const [key, { forms }] of english) {
      if (forms.has("")) continue;
      expect({ key, forms: [...forms].sort() }).toEqual({ key, forms: ["one", "other"] });
    }
  });

  it("hold no English message that no code asks for", () => {
    const source = sourceFiles(["app", "emails"]).map((file) => readFileSync(file, "utf8")).join("\n");
    const unused = [...english.keys()].filter((key) => {
      if (source.includes(`"${key}"`) || source.includes(`'${key}'`) || source.includes(`\`${key}\``)) return false;
      // A key chosen at run time: t(`phase.${phase}`) asks for the whole group.
      const group = key.slice(0, key.lastIndexOf("."));
      return !source.includes(`\`${group}.\${`);
    });
    expect(unused).toEqual([]);
  });
});

function sourceFiles(roots: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) found.push(path);
    }
  };
  roots.forEach(walk);
  return found;
}
