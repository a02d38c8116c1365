// The person form's photo link: public pages load images over https only (CSP),
// so an http:// photo would be saved and then never show.
import { describe, expect, it } from "vitest";
import { speakerProfileSchema } from "~/speakers/speaker-forms";
import { personFormSchema } from "./person-form";

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
