import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("follows a Hong Kong browser to Traditional Chinese and a Swedish one to Svenska", () => {
    expect(negotiateLocale("zh-HK,zh;q=0.9,en;q=0.8")).toBe("zh-Hant");
    expect(negotiateLocale("sv-SE,sv;q=0.9,en-US;q=0.8")).toBe("sv");
  });
  it("ranks by quality, not by order, and skips languages it does not have", () => {
    expect(negotiateLocale("de-DE,en;q=0.5,sv;q=0.7")).toBe("sv");
    expect(negotiateLocale("fr, de")).toBe("en");
  });
  it("refuses q=0, ignores a wildcard and survives garbage", () => {
    expect(negotiateLocale("sv;q=0, en;q=0.1")).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
    expect(negotiateLocale(";;;,q=abc,zh-Hant;q=x")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });
});
