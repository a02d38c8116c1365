// The fallback rule has many paths (three languages, any source, fields translated,
// blank, missing or malformed), so the rule is stated once as a property.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TranslationsColumn } from "~db/schema";
import { langAttribute, localized, pickFields } from "./localize-content";
import { SUPPORTED_LOCALES, type Locale } from "./locales";

const locale = fc.constantFrom(...SUPPORTED_LOCALES);
const text = fc.oneof(fc.constant(""), fc.constant("   "), fc.string({ maxLength: 12 }));
const translatedValue = fc.oneof(text, fc.array(text, { maxLength: 4 }), fc.constant(42 as unknown as string));
const translations: fc.Arbitrary<TranslationsColumn> = fc.dictionary(
  fc.oneof(locale, fc.constant("de")),
  fc.dictionary(fc.constantFrom("title", "options", "other"), translatedValue),
);

describe("localized: the reader's language when translated, else the source, always whole", () => {
  it("never mixes languages inside a field, for any record and any reader", () => {
    fc.assert(
      fc.property(text, fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 4 }), translations, locale, locale, (title, options, column, reader, source) => {
        const record = { title, options, translations: column };
        for (const field of ["title", "options"] as const) {
          const picked = localized(record, field, reader, source);
          const candidate = column[reader]?.[field];
          const usable =
            reader !== source &&
            (typeof record[field] === "string"
              ? typeof candidate === "string" && candidate.trim() !== ""
              : Array.isArray(candidate) && candidate.length === options.length && candidate.every((item) => typeof item === "string" && item.trim() !== ""));
          if (usable) {
            expect(picked).toEqual({ text: candidate, locale: reader });
          } else {
            // The source, the very same value: nothing from a translation leaks into it.
            expect(picked.locale).toBe(source);
            expect(picked.text).toBe(record[field]);
          }
        }
      }),
    );
  });

  it("falls back straight to the source language, never through English", () => {
    const record = { title: "應對2019冠狀病毒病", translations: { en: { title: "Responding to COVID-19" } } };
    expect(localized(record, "title", "sv", "zh-Hant")).toEqual({ text: "應對2019冠狀病毒病", locale: "zh-Hant" });
    expect(localized(record, "title", "en", "zh-Hant")).toEqual({ text: "Responding to COVID-19", locale: "en" });
  });

  it("ignores a translation stored under the source language: the columns are the source", () => {
    const record = { title: "Grafen", translations: { sv: { title: "Something else" } } };
    expect(localized(record, "title", "sv", "sv")).toEqual({ text: "Grafen", locale: "sv" });
  });
});

describe("lang attributes", () => {
  it("marks only text whose language differs from the page's", () => {
    const record = { title: "Grafenmembran", summary: "HKUST × KTH joint webinar", translations: { sv: { title: "Grafenmembran" } } };
    const swedishReaderEnglishPage = pickFields(record, ["title", "summary"], "en", { reader: "sv", page: "en" });
    expect(swedishReaderEnglishPage.lang).toEqual({ title: "sv" });
    const swedishPage = pickFields(record, ["title", "summary"], "en", { reader: "sv", page: "sv" });
    expect(swedishPage.lang).toEqual({ summary: "en" });
    fc.assert(
      fc.property(locale, locale, (textLocale: Locale, page: Locale) => {
        expect(langAttribute(textLocale, page)).toBe(textLocale === page ? undefined : textLocale);
      }),
    );
  });
});
