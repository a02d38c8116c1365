// The server's copies of @remix-run/router and @remix-run/server-runtime are patched
// (patches/, decision 025): route matching remembers its answers, and loaders and actions
// get the request itself when its address has no query. These tests hold the patched
// code to the untouched code's answers: the browser's ESM build of the router is not
// patched, so it is the reference.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";

const require = createRequire(import.meta.url);
type RouteObject = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: RouteObject[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: { id: string } };
type MatchRoutes = (routes: RouteObject[], location: string, basename?: string) => Match[] | null;

const patched = require("@remix-run/router") as { matchRoutes: MatchRoutes };
const reference = (await import(pathToFileURL(require.resolve("@remix-run/router").replace(/router\.cjs\.js$/, "router.js")).href)) as { matchRoutes: MatchRoutes };

// Shaped like Podium's routes: index routes, dynamic and optional segments, nested layouts, a splat.
const routes: RouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "event", path: "events/:slug" },
      { id: "event-ics", path: "events/:slug.ics" },
      { id: "manage", path: "r/:token" },
      { id: "lang", path: ":lang?/series/:slug" },
      {
        id: "admin",
        path: "admin",
        children: [
          { id: "admin-home", index: true },
          { id: "admin-event", path: "events/:eventId", children: [{ id: "admin-overview", index: true }, { id: "admin-registrations", path: "registrations" }] },
          { id: "admin-csv", path: "events/:eventId/registrations.csv" },
        ],
      },
      { id: "api", path: "api/v1/*" },
      { id: "case", path: "CaseSensitive", caseSensitive: true },
      { id: "catch-all", path: "*" },
    ],
  },
];

const summary = (matches: Match[] | null) => matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;

const segment = fc.oneof(
  fc.constantFrom("events", "admin", "registrations", "registrations.csv", "series", "sv", "r", "api", "v1", "CaseSensitive", "casesensitive", "x.ics", ""),
  fc.stringMatching(/^[a-z0-9%.-]{1,8}$/),
);
const pathGen = fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join("/")}`);

describe("patched route matching", () => {
  it("answers every path as the untouched router does, however often the same path is asked", () => {
    // Both routers warn about each malformed percent-encoding the generator makes up.
    vi.spyOn(console, "warn").mockImplementation(() => {});
    fc.assert(
      fc.property(fc.array(pathGen, { minLength: 1, maxLength: 12 }), (paths) => {
        // Each path twice: the second answer comes from the memory.
        for (const path of [...paths, ...paths]) expect(summary(patched.matchRoutes(routes, path))).toEqual(summary(reference.matchRoutes(routes, path)));
      }),
      { numRuns: 300 },
    );
    vi.restoreAllMocks();
  });

  it("gives each caller objects of its own, so one request's changes never reach the next", () => {
    const first = patched.matchRoutes(routes, "/events/hkust-kth")!;
    first[1]!.params.slug = "changed";
    first.pop();
    const second = patched.matchRoutes(routes, "/events/hkust-kth")!;
    expect(summary(second)).toEqual(summary(reference.matchRoutes(routes, "/events/hkust-kth")));
    expect(second[1]!.params).toEqual({ slug: "hkust-kth" });
  });

  it("stays right after more distinct paths than it remembers", () => {
    for (let i = 0; i < 2_500; i++) patched.matchRoutes(routes, `/events/crawl-${i}`);
    expect(summary(patched.matchRoutes(routes, "/admin/events/42/registrations"))).toEqual(summary(reference.matchRoutes(routes, "/admin/events/42/registrations")));
    expect(patched.matchRoutes(routes, "/events/crawl-7")![1]!.params).toEqual({ slug: "crawl-7" });
  });
});

describe("patched loader and action requests", () => {
  type CallRouteAction = (args: { loadContext: unknown; action: (args: { request: Request }) => unknown; params: object; request: Request; routeId: string; singleFetch: boolean }) => Promise<unknown>;
  const { callRouteAction } = require("@remix-run/server-runtime/dist/data.js") as { callRouteAction: CallRouteAction };
  const seenBy = async (request: Request) => {
    let seen: Request | undefined;
    await callRouteAction({ loadContext: {}, params: {}, routeId: "r", singleFetch: true, request, action: ({ request }) => ((seen = request), null) });
    return { url: seen!.url, body: await seen!.text(), same: seen === request };
  };
  const post = (url: string) => new Request(url, { method: "POST", body: "name=%C3%85sa", headers: { "content-type": "application/x-www-form-urlencoded" } });

  it("hands an action the request itself when its address has no query, body unread", async () => {
    expect(await seenBy(post("http://podium.test/events/x"))).toEqual({ url: "http://podium.test/events/x", body: "name=%C3%85sa", same: true });
  });

  it("still strips Remix's own parameters from an address with a query", async () => {
    expect(await seenBy(post("http://podium.test/admin?index&_routes=root&q=1"))).toEqual({ url: "http://podium.test/admin?q=1", body: "name=%C3%85sa", same: false });
  });
});
