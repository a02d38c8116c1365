// The person form's photo link: public pages load images over https only (CSP),
// so an http:// photo would be saved and then never show.
import { describe, expect, it } from "vitest";
import { translatorFor } from "~/i18n/catalogues.server";
import { speakerProfileSchemaIn } from "~/speakers/speaker-forms";
import { personFormSchemaIn } from "./person-form";

const personFormSchema = personFormSchemaIn(translatorFor("en"));
const speakerProfileSchema = speakerProfileSchemaIn(translatorFor("en"));

describe("photo link", () => {
  it.each([
    ["http://photos.example/wei.jpg", "The photo link must start with https:// (public pages load images over https only)"],
    ["HTTP://photos.example/wei.jpg", "The photo link must start with https:// (public pages load images over https only)"],
    ["javascript:alert(1)", "The photo link must start with https:// or http://"],
    ["photos.example/wei.jpg", "Enter the full photo link, starting with https://"],
  ])("refuses %s with one clear reason, on the organizer's form and the speaker's own", (photoUrl, message) => {
    for (const schema of [personFormSchema, speakerProfileSchema]) {
      const parsed = schema.safeParse({ name: "Wei Chen", photoUrl });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.flatten().fieldErrors.photoUrl).toEqual([message]);
    }
  });

  it("accepts an https link and an empty field", () => {
    expect(personFormSchema.parse({ name: "Wei Chen", photoUrl: "https://photos.example/wei.jpg" }).photoUrl).toBe("https://photos.example/wei.jpg");
    expect(personFormSchema.parse({ name: "Wei Chen" }).photoUrl).toBeUndefined();
  });
});

describe("in the reader's language", () => {
  it("gives the organizer's form and the speaker's profile the same messages, in 繁體中文 and Svenska", () => {
    for (const [locale, fragment] of [
      ["zh-Hant", "https://"],
      ["sv", "https://"],
    ] as const) {
      const t = translatorFor(locale);
      for (const schema of [personFormSchemaIn(t), speakerProfileSchemaIn(t)]) {
        const parsed = schema.safeParse({ name: "", photoUrl: "photos.example/wei.jpg" });
        const errors = parsed.error!.flatten().fieldErrors;
        expect(errors.name).toEqual([t("personForm.nameRequired")]);
        expect(errors.photoUrl![0]).toContain(fragment);
        expect(errors.photoUrl![0]).not.toMatch(/Enter the full photo link/);
      }
    }
    expect(personFormSchemaIn(translatorFor("zh-Hant")).safeParse({ name: "" }).error!.flatten().fieldErrors.name).toEqual(["請輸入姓名"]);
    expect(personFormSchemaIn(translatorFor("sv")).safeParse({ name: "" }).error!.flatten().fieldErrors.name).toEqual(["Ange personens namn"]);
  });
});
