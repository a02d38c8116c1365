import { describe, expect, it } from "vitest";
import { feedUrlIn, localeFromHeaders } from "./content-locale.server";
import { requestLocale as contentLocale } from "./request-locale.server";

const request = (url: string, headers: Record<string, string> = {}) => new Request(`http://podium.test${url}`, { headers });

describe("contentLocale: ?lang=, then the podium_lang cookie, then Accept-Language", () => {
  it("takes each source in that order", () => {
    const all = { cookie: "podium_lang=zh-Hant", "accept-language": "sv-SE" };
    expect(contentLocale(request("/events/x?lang=sv", all))).toBe("sv");
    expect(contentLocale(request("/events/x", all))).toBe("zh-Hant");
    expect(contentLocale(request("/events/x", { "accept-language": "sv-SE,en;q=0.5" }))).toBe("sv");
    expect(contentLocale(request("/events/x"))).toBe("en");
  });

  it("skips values that name no language Podium publishes in", () => {
    expect(contentLocale(request("/events/x?lang=de", { cookie: "podium_lang=zh-Hant" }))).toBe("zh-Hant");
    expect(contentLocale(request("/events/x?lang=SV", { "accept-language": "zh-HK" }))).toBe("zh-Hant");
    expect(localeFromHeaders("podium_lang=klingon; podium-tz=Asia%2FTokyo", "sv")).toBe("sv");
    expect(localeFromHeaders("podium_lang=%E0%A4%A", "fr")).toBe("en");
  });
});

describe("feedUrlIn", () => {
  it("names the language in a feed's address except for English, keeping what was there", () => {
    expect(feedUrlIn("https://events.example.edu/calendar.ics", "en")).toBe("https://events.example.edu/calendar.ics");
    expect(feedUrlIn("https://events.example.edu/series/a.ics", "zh-Hant")).toBe("https://events.example.edu/series/a.ics?lang=zh-Hant");
  });
});
