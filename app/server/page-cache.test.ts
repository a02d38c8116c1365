// Which requests the page cache may answer, and which encoding it sends: rules with
// many paths, so the edges are listed and the rest is left to fast-check.
import type express from "express";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cacheableVariant, chooseEncoding } from "./page-cache.server";

function request(
  url: string,
  { method = "GET", cookie, authorization, acceptLanguage }: { method?: string; cookie?: string; authorization?: string; acceptLanguage?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (acceptLanguage !== undefined) headers["accept-language"] = acceptLanguage;
  if (cookie !== undefined) headers.cookie = cookie;
  if (acceptLanguage !== undefined) headers["accept-language"] = acceptLanguage;
  if (authorization !== undefined) headers.authorization = authorization;
  return { method, url, headers } as unknown as express.Request;
}

describe("which requests the cache may answer", () => {
  it("takes the public pages and feeds, nothing else", () => {
    for (const url of ["/", "/events/robotic-manipulation", "/series/hkust-kth", "/speakers/ada-lovelace", "/calendar.ics", "/events/x.ics", "/series/y.ics", "/events/x/calendar.ics"]) {
      expect(cacheableVariant(request(url)), url).not.toBeNull();
    }
    for (const url of ["/admin", "/login", "/r/abc", "/j/abc", "/speak/abc", "/events/x?utm_source=list", "/events/x.data", "/events/X", "/events/x/y", "/time-zone", "/healthz", "/speak/abc/calendar.ics", "/events/%2e%2e"]) {
      expect(cacheableVariant(request(url)), url).toBeNull();
    }
  });

  it("takes GET and HEAD only, and nothing with credentials", () => {
    expect(cacheableVariant(request("/", { method: "HEAD" }))).not.toBeNull();
    expect(cacheableVariant(request("/", { method: "POST" }))).toBeNull();
    expect(cacheableVariant(request("/", { authorization: "Bearer x" }))).toBeNull();
    expect(cacheableVariant(request("/", { cookie: "podium_session=abc" }))).toBeNull();
    expect(cacheableVariant(request("/", { cookie: "podium-tz=Europe%2FStockholm; podium_session=abc" }))).toBeNull();
  });

  it("keys pages by zone and by whether it was chosen, feeds by neither (only by language)", () => {
    const key = (url: string, cookie?: string) => cacheableVariant(request(url, { cookie }))?.key;
    expect(key("/", "podium-tz=Asia%2FTokyo")).not.toBe(key("/", "podium-tz=Europe%2FStockholm"));
    expect(key("/", "podium-tz=Asia%2FTokyo")).not.toBe(key("/"));
    expect(key("/", "podium-tz=Asia%2FTokyo; podium-tz-manual=1")).not.toBe(key("/", "podium-tz=Asia%2FTokyo"));
    expect(key("/calendar.ics", "podium-tz=Asia%2FTokyo")).toBe(key("/calendar.ics"));
    expect(cacheableVariant(request("/calendar.ics"))?.variesByCookie).toBe(true);
    expect(cacheableVariant(request("/"))?.variesByCookie).toBe(true);
  });

  it("keys pages and feeds by the language content is read in: the cookie, else Accept-Language", () => {
    const key = (url: string, options: { cookie?: string; acceptLanguage?: string }) => cacheableVariant(request(url, options))?.key;
    for (const url of ["/", "/events/x", "/series/y", "/speakers/z", "/calendar.ics", "/events/x.ics"]) {
      const english = key(url, {});
      const swedish = key(url, { cookie: "podium_lang=sv" });
      const chinese = key(url, { acceptLanguage: "zh-HK,zh;q=0.9" });
      expect(new Set([english, swedish, chinese]).size, url).toBe(3);
      // Same language, however it was asked for: one cached copy.
      expect(key(url, { acceptLanguage: "sv-SE" }), url).toBe(swedish);
      expect(key(url, { acceptLanguage: "de, fr" }), url).toBe(english);
      // The cookie wins over the browser; a forged cookie falls back to the browser.
      expect(key(url, { cookie: "podium_lang=sv", acceptLanguage: "zh-HK" }), url).toBe(swedish);
      expect(key(url, { cookie: "podium_lang=xx", acceptLanguage: "zh-HK" }), url).toBe(chinese);
    }
    expect(cacheableVariant(request("/events/x?lang=sv"))).toBeNull();
  });

  it("never answers a request carrying any cookie besides the zone and language cookies", () => {
    const otherName = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/).filter((name) => !["podium-tz", "podium-tz-manual", "podium_lang"].includes(name));
    fc.assert(
      fc.property(otherName, fc.stringMatching(/^[A-Za-z0-9]{0,20}$/), fc.boolean(), (name, value, zoneFirst) => {
        const cookies = ["podium-tz=Europe%2FStockholm", `${name}=${value}`];
        const header = (zoneFirst ? cookies : cookies.reverse()).join("; ");
        expect(cacheableVariant(request("/events/x", { cookie: header }))).toBeNull();
      }),
    );
  });

  it("never keys on a zone cookie that could not be a zone name", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (value) => {
        const variant = cacheableVariant(request("/", { cookie: `podium-tz=${encodeURIComponent(value)}` }));
        if (variant) expect(value).toMatch(/^[A-Za-z0-9_+\-/]{1,64}$/);
      }),
    );
  });
});

describe("which encoding is sent", () => {
  it("follows what browsers and tools send", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd", true)).toBe("br");
    expect(chooseEncoding("gzip, deflate, br", false)).toBe("gzip");
    expect(chooseEncoding("gzip", true)).toBe("gzip");
    expect(chooseEncoding(undefined, true)).toBe("identity");
    expect(chooseEncoding("", true)).toBe("identity");
    expect(chooseEncoding("identity", true)).toBe("identity");
    expect(chooseEncoding("br;q=0, gzip", true)).toBe("gzip");
    expect(chooseEncoding("gzip;q=0", true)).toBe("identity");
    expect(chooseEncoding("*", true)).toBe("br");
    expect(chooseEncoding("*;q=0, identity", true)).toBe("identity");
    expect(chooseEncoding("GZIP", false)).toBe("gzip");
  });

  it("never sends an encoding the client refused with q=0 or did not name", () => {
    const coding = fc.constantFrom("gzip", "br", "deflate", "identity", "zstd");
    const entry = fc.tuple(coding, fc.constantFrom("", ";q=0", ";q=0.5", ";q=1"));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), fc.boolean(), (entries, hasBrotli) => {
        const header = entries.map(([name, q]) => `${name}${q}`).join(", ");
        const chosen = chooseEncoding(header, hasBrotli);
        if (chosen === "identity") return;
        if (chosen === "br") expect(hasBrotli).toBe(true);
        const last = [...entries].reverse().find(([name]) => name === chosen);
        expect(last).toBeDefined();
        expect(last![1]).not.toBe(";q=0");
      }),
    );
  });
});
