// Every transition the lifecycle refuses is said as one sentence in each language: the
// English one word for word as the API and the logs have always read it, and the others
// with no English and no placeholder left in them.
import { describe, expect, it } from "vitest";
import { translatorFor } from "~/i18n/catalogues.server";
import { SUPPORTED_LOCALES } from "~/i18n/locales";
import { REGISTRATION_STATES, refusalOf, refusalSentence, TRANSITIONS, type Transition } from "./lifecycle.server";

const refusals = (Object.keys(TRANSITIONS) as Transition[]).flatMap((transition) =>
  [null, ...REGISTRATION_STATES].map((from) => refusalOf(transition, from)).filter((refusal) => refusal !== null),
);

describe("a refused transition", () => {
  it("reads in English as it always has", () => {
    expect(refusalSentence({ transition: "cancel", from: "cancelled" })).toBe("This registration is cancelled, so it cannot be cancelled.");
    expect(refusalSentence({ transition: "approve", from: "waitlisted" })).toBe("This registration is on the waitlist, so it cannot be approved.");
    expect(refusalSentence({ transition: "approve", from: null })).toBe("That registration does not exist.");
  });

  it.each(SUPPORTED_LOCALES)("is a whole sentence in %s for every refusal the table makes", (locale) => {
    const t = translatorFor(locale);
    expect(refusals.length).toBeGreaterThan(10);
    for (const refusal of refusals) {
      const sentence = refusalSentence(refusal, t);
      expect(sentence).not.toMatch(/\{\{|lifecycle\./);
      if (locale === "zh-Hant") expect(sentence).not.toMatch(/[A-Za-z]/);
    }
  });
});
