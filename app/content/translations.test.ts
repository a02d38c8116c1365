import { describe, expect, it } from "vitest";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { translationFormSchemaIn } from "./translation-form";

const translationFormSchema = translationFormSchemaIn(consoleTranslatorFor("en"));
import { missingFields, translationsSchema } from "./translations";

describe("translationsSchema: what a translations column may hold", () => {
  it("keeps known languages and fields, drops blank text as 'not translated'", () => {
    const parsed = translationsSchema("event", "en").parse({
      sv: { title: "  Grafenmembran för ren energi ", summary: "   " },
      "zh-Hant": { title: "", summary: "" },
    });
    expect(parsed).toEqual({ sv: { title: "Grafenmembran för ren energi" } });
  });

  it("refuses an unknown language code, the source language and unknown fields, each with a reason", () => {
    const unknown = translationsSchema("event", "en").safeParse({ de: { title: "Graphenmembranen" } });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toMatch(/“de” is not a language Podium publishes in/);
    const source = translationsSchema("series", "sv").safeParse({ sv: { title: "Att navigera" } });
    expect(source.error?.issues[0]?.message).toMatch(/Svenska is the source language/);
    const field = translationsSchema("person", "en").safeParse({ sv: { name: "Someone else" } });
    expect(field.success).toBe(false);
  });

  it("refuses text longer than the source form allows", () => {
    const long = translationsSchema("agendaItem", "en").safeParse({ sv: { title: "x".repeat(201) } });
    expect(long.error?.issues[0]?.message).toBe("Keep the title under 200 characters");
    expect(translationsSchema("agendaItem", "en").safeParse({ sv: { title: "x".repeat(200) } }).success).toBe(true);
  });

  it("takes a question's options whole or not at all", () => {
    const partial = translationsSchema("question", "en").safeParse({ sv: { options: ["Universitet", ""] } });
    expect(partial.error?.issues[0]?.message).toMatch(/Translate every option/);
    expect(translationsSchema("question", "en").parse({ sv: { options: ["", ""] } })).toEqual({});
  });
});

describe("missingFields", () => {
  it("lists fields with source text and no translation; an empty source needs none", () => {
    const event = { title: "Graphene", summary: "", descriptionMd: "About", translations: { sv: { title: "Grafen" } } };
    expect(missingFields("event", event, "sv")).toEqual(["descriptionMd"]);
    expect(missingFields("event", event, "zh-Hant")).toEqual(["title", "descriptionMd"]);
  });
});

describe("translationFormSchema", () => {
  it("puts each error on the field that caused it", () => {
    const result = translationFormSchema.safeParse({
      locale: "sv",
      entries: [
        { target: "event:1", field: "title", text: "x".repeat(201) },
        { target: "question:2", field: "options", items: ["Universitet", ""] },
        { target: "event:1", field: "joinUrl", text: "https://evil.example" },
      ],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(["entries.0.text", "entries.1.items", "entries.2.text"]);
    expect(translationFormSchema.safeParse({ locale: "de", entries: [] }).success).toBe(false);
  });
});
