import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./same-origin";

const allowed = ["https://events.example.edu"];

describe("isCrossSiteRequest", () => {
  it("refuses a POST whose Origin is another site", () => {
    expect(isCrossSiteRequest({ method: "POST", origin: "https://evil.example", secFetchSite: "cross-site" }, allowed)).toBe(true);
  });
  it("accepts a POST from our own origin", () => {
    expect(isCrossSiteRequest({ method: "POST", origin: "https://events.example.edu", secFetchSite: "same-origin" }, allowed)).toBe(false);
  });
  it("refuses an opaque origin", () => {
    expect(isCrossSiteRequest({ method: "POST", origin: "null", secFetchSite: undefined }, allowed)).toBe(true);
    expect(isCrossSiteRequest({ method: "POST", origin: "null", secFetchSite: "cross-site" }, allowed)).toBe(true);
    // A same-origin form on a no-referrer page: Chromium sends Origin "null" and Sec-Fetch-Site same-origin.
    expect(isCrossSiteRequest({ method: "POST", origin: "null", secFetchSite: "same-origin" }, allowed)).toBe(false);
  });
  it("falls back to Sec-Fetch-Site when no Origin is sent", () => {
    expect(isCrossSiteRequest({ method: "DELETE", origin: undefined, secFetchSite: "cross-site" }, allowed)).toBe(true);
    expect(isCrossSiteRequest({ method: "POST", origin: undefined, secFetchSite: undefined }, allowed)).toBe(false);
  });
  it("never blocks safe methods", () => {
    expect(isCrossSiteRequest({ method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" }, allowed)).toBe(false);
  });
});
