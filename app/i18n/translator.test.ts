// translatorOf remembers answers: it must answer exactly as i18next does, for every
// shape of call the app makes, and never keep an answer that a later namespace changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createI18n, localeOf, translatorOf } from "./translator";
import { CATALOGUES } from "./catalogues.server";

const messages = {
  plain: "Register",
  greeting: "Hello {{name}}",
  seats_one: "{{count}} seat left",
  seats_other: "{{count}} seats left",
  nested: { deep: "Deep {{what}}" },
};

describe("translatorOf", () => {
  it("answers as i18next for plain keys, interpolation, plurals, nested keys and missing keys, first and second time", () => {
    const i18n = createI18n("en", messages);
    const t = translatorOf(i18n);
    const calls: [string, Record<string, unknown>?][] = [
      ["plain"],
      ["greeting", { name: "Ann" }],
      ["greeting", { name: "Bo" }],
      ["seats", { count: 1 }],
      ["seats", { count: 7 }],
      ["nested.deep", { what: "water" }],
      ["missing.key"],
    ];
    for (const round of [1, 2]) {
      for (const [key, options] of calls) expect(t(key, options), `${key} round ${round}`).toBe(i18n.t(key, options));
    }
    expect(t("seats", { count: 7 })).toBe("7 seats left");
  });

  it("is made once per instance and namespace, and knows its language", () => {
    const i18n = createI18n("sv", CATALOGUES.sv);
    expect(translatorOf(i18n)).toBe(translatorOf(i18n));
    expect(translatorOf(i18n, "console")).not.toBe(translatorOf(i18n));
    expect(localeOf(translatorOf(i18n))).toBe("sv");
  });

  it("asks again for a key it could not find, so a namespace added later is seen", () => {
    const i18n = createI18n("en", messages);
    const t = translatorOf(i18n, "late");
    expect(t("title")).toBe("title");
    i18n.addResourceBundle("en", "late", { title: "Now here" });
    expect(t("title")).toBe("Now here");
  });

  it("passes calls with options it cannot key (arrays, objects, as <Trans> makes) straight to i18next", () => {
    const i18n = createI18n("en", messages);
    const t = translatorOf(i18n);
    expect(t("greeting", { name: "Ann", ns: ["translation"], defaultValue: "x" })).toBe("Hello Ann");
    expect(t(["missing", "plain"])).toBe("Register");
  });

  it("for any interpolated value, the remembered answer is i18next's", () => {
    const i18n = createI18n("en", messages);
    const t = translatorOf(i18n);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.boolean()), fc.constantFrom("greeting", "seats", "nested.deep"), (value, key) => {
        const options = { name: value, count: typeof value === "number" ? value : 2, what: value };
        expect(t(key, options)).toBe(i18n.t(key, options));
        expect(t(key, options)).toBe(i18n.t(key, options));
      }),
    );
  });
});
