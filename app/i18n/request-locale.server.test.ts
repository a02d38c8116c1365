// Which language a request is answered in, and the switcher's resource route:
// the choice is kept, the way back stays on this site.
import { describe, expect, it } from "vitest";
import { action } from "~/routes/language";
import { languageCookie, requestLocale } from "./request-locale.server";

const at = (url: string, headers: Record<string, string> = {}) => new Request(`http://podium.test${url}`, { headers });

describe("requestLocale", () => {
  it("follows ?lang, then the podium_lang cookie, then Accept-Language, then English", () => {
    expect(requestLocale(at("/events/x?lang=sv", { Cookie: "podium_lang=zh-Hant", "Accept-Language": "en" }))).toBe("sv");
    expect(requestLocale(at("/events/x", { Cookie: "podium-tz=Asia%2FHong_Kong; podium_lang=zh-Hant", "Accept-Language": "sv" }))).toBe("zh-Hant");
    expect(requestLocale(at("/", { "Accept-Language": "zh-HK,zh;q=0.9,en;q=0.8" }))).toBe("zh-Hant");
    expect(requestLocale(at("/"))).toBe("en");
  });

  it("ignores a language it does not speak at every step", () => {
    expect(requestLocale(at("/?lang=de", { Cookie: "podium_lang=klingon", "Accept-Language": "sv-SE" }))).toBe("sv");
    expect(requestLocale(at("/?lang=ZH-HANT", { Cookie: "podium_lang=%E0%A4%A" }))).toBe("en");
  });
});

async function choose(form: Record<string, string>) {
  const request = new Request("http://podium.test/language", { method: "POST", body: new URLSearchParams(form) });
  return (await action({ request, params: {}, context: {} as never })) as Response;
}

describe("the language switcher's route", () => {
  it("keeps the choice for a year and goes back to the page", async () => {
    const response = await choose({ lang: "sv", returnTo: "/events/robotic-manipulation?utm=x" });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/events/robotic-manipulation?utm=x");
    expect(response.headers.get("Set-Cookie")).toBe(languageCookie("sv"));
    expect(languageCookie("zh-Hant")).toMatch(/^podium_lang=zh-Hant; Max-Age=31536000; Path=\/; SameSite=Lax$/);
  });

  it("never sends anyone off the site, and sets nothing for a language it does not speak", async () => {
    for (const returnTo of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      expect((await choose({ lang: "sv", returnTo })).headers.get("Location")).toBe("/");
    }
    const unknown = await choose({ lang: "de", returnTo: "/" });
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
  });
});
