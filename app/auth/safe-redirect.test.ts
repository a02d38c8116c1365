// safeRedirectPath is the one gate for ?redirectTo=: whatever comes in, what goes out
// must keep a browser on this site and fit in a header.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loginPathReturningTo, MAX_REDIRECT_PATH_CHARS, safeRedirectPath } from "./session.server";

const ORIGIN = "https://events.example.edu";

/** What a browser does with a Location header: resolve it against the current page. */
function browserTarget(location: string): URL {
  return new URL(location, `${ORIGIN}/login`);
}

const hostileFragments = fc.constantFrom("/", "//", "\\", "\t", "\n", "\r", " ", "%2f", "%2F", "%5c", "%09", "%0a", ".", "..", "evil.example", "@", ":", "javascript:", "http:", "https:", "?", "#", "\u0000", "\u3000", "%", "ａ");
const hostileInput = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.array(hostileFragments, { maxLength: 8 }).map((parts) => parts.join("")),
  fc.webUrl(),
  fc.webPath(),
);

describe("safeRedirectPath", () => {
  it("always answers a single-slash path that stays on the origin and is header-safe", () => {
    fc.assert(
      fc.property(hostileInput, (input) => {
        const result = safeRedirectPath(input);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
        expect(browserTarget(result).origin).toBe(ORIGIN);
        expect(result).toMatch(/^[\x21-\x7e]+$/);
        expect(result.length).toBeLessThanOrEqual(MAX_REDIRECT_PATH_CHARS);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps ordinary console paths as they are", () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (path, query) => {
        const candidate = `/admin${path.startsWith("/") ? path : `/${path}`}${query ? `?${query}` : ""}`;
        const expected = new URL(candidate, ORIGIN);
        const result = safeRedirectPath(candidate);
        // Either it is kept (normalised exactly as the browser would) or refused for the fallback.
        expect([`${expected.pathname}${expected.search}`, "/admin"]).toContain(result);
      }),
    );
    expect(safeRedirectPath("/admin/events/123/agenda?tab=people#speakers")).toBe("/admin/events/123/agenda?tab=people#speakers");
  });

  it.each([
    "//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "/.//evil.example",
    "/..//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/" + "a".repeat(MAX_REDIRECT_PATH_CHARS),
  ])("refuses %j for the fallback", (attack) => {
    expect(safeRedirectPath(attack)).toBe("/admin");
    expect(safeRedirectPath(attack, "/")).toBe("/");
  });

  it("refuses anything that is not a string", () => {
    for (const value of [null, undefined, 42, ["/admin/x"], { toString: () => "//evil" }]) expect(safeRedirectPath(value)).toBe("/admin");
  });
});

describe("the sign-in redirect of a signed-out console page", () => {
  it("carries the page back when it is short and drops the query when it is not", () => {
    expect(loginPathReturningTo(new Request(`${ORIGIN}/admin/events?status=draft`))).toBe("/login?redirectTo=%2Fadmin%2Fevents%3Fstatus%3Ddraft");
    const long = loginPathReturningTo(new Request(`${ORIGIN}/admin/events?q=${"x".repeat(20_000)}`));
    expect(long).toBe("/login?redirectTo=%2Fadmin%2Fevents");
    expect(loginPathReturningTo(new Request(`${ORIGIN}/admin/${"y".repeat(2000)}`))).toBe("/login");
  });
});
