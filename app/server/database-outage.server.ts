// A database outage is a pause, not a bug: every loader and action is wrapped so a
// connection error (db/availability.server.ts) becomes a 503 with Retry-After
// instead of Remix's 500. Pages show app/components/database-outage-page.tsx,
// which sends a form's fields again from hidden inputs, so nothing typed is lost
// even without JavaScript; API clients and resource routes get a problem document.
// Remix's handleError cannot change a status and sees no form data, which is why
// the wrapping happens here, around the route modules of the server build.
import type { ActionFunction, LoaderFunction, ServerBuild } from "@remix-run/node";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "~db/availability.server";
import type { DatabaseOutage } from "../components/database-outage-page";

/** Fields we never echo back into a page: a password in the HTML would outlive the request. */
const WITHHELD_FIELD = /pass(word|phrase)|secret/i;
/** A form bigger than this is not repeated (the person will have to fill it in again; it has never happened). */
const MAX_KEPT_FIELDS = 500;
const MAX_KEPT_CHARACTERS = 200_000;

export const OUTAGE_DETAIL = "Podium can't reach its database for a moment. Nothing was saved; please try again in a few seconds.";

/** RFC 9457 problem document for clients that do not read HTML. */
export function databaseOutageProblem(retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS): Response {
  return new Response(JSON.stringify({ type: "about:blank", title: "Service Unavailable", status: 503, detail: OUTAGE_DETAIL, retryAfterSeconds }), {
    status: 503,
    headers: { "Content-Type": "application/problem+json", "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
  });
}

/** The page's address as a person would type it: Remix's single-fetch `.data` suffix and `_routes` removed. */
export function pageAddress(url: URL): string {
  let pathname = url.pathname;
  if (pathname.endsWith(".data")) {
    pathname = pathname.slice(0, -".data".length);
    if (pathname === "/_root") pathname = "/";
  }
  const search = new URLSearchParams(url.search);
  search.delete("_routes");
  const query = search.toString();
  return `${pathname}${query ? `?${query}` : ""}`;
}

/** The submitted fields to send again (the request guard already read them), passwords withheld. */
function keptFields(submitted: ReadonlyArray<readonly [string, string]>): DatabaseOutage["resubmit"] {
  const fields: [string, string][] = [];
  const withheld = new Set<string>();
  let characters = 0;
  for (const [name, value] of submitted) {
    if (WITHHELD_FIELD.test(name)) {
      withheld.add(name);
      continue;
    }
    characters += name.length + value.length;
    if (fields.length >= MAX_KEPT_FIELDS || characters > MAX_KEPT_CHARACTERS) return { fields: [], withheld: [...withheld, name] };
    fields.push([name, value]);
  }
  return { fields, withheld: [...withheld] };
}

/** A client that asks for JSON and not HTML reads problem documents, not pages. */
export function prefersProblemDocument(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  return !/text\/html/i.test(accept) && /application\/(problem\+)?json/i.test(accept);
}

function outageResponse(request: Request, submitted: ReadonlyArray<readonly [string, string]>, hasPage: boolean): Response {
  const url = new URL(request.url);
  // Resource routes (feeds, CSV, JSON) answer with the problem document as it is. A page
  // gets data for its error boundary; app/entry.server.tsx turns that into the problem
  // document for a client that asked for JSON.
  if (!hasPage) return databaseOutageProblem();
  const outage: DatabaseOutage = {
    reason: "database-unavailable",
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    href: pageAddress(url),
    resubmit: request.method === "GET" || request.method === "HEAD" ? null : keptFields(submitted),
  };
  return Response.json(outage, {
    status: 503,
    headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}

function guardLoader(loader: LoaderFunction, hasPage: boolean): LoaderFunction {
  return async (args) => {
    try {
      return await loader(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      throw outageResponse(args.request, [], hasPage);
    }
  };
}

function guardAction(action: ActionFunction, hasPage: boolean): ActionFunction {
  return async (args) => {
    try {
      return await action(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      throw outageResponse(args.request, args.context.submittedFields, hasPage);
    }
  };
}

/** The same build with every loader and action answering a database outage with a 503. */
export function guardAgainstDatabaseOutages(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const { loader, action } = route.module;
      const hasPage = typeof route.module.default === "function";
      const module = {
        ...route.module,
        ...(loader ? { loader: guardLoader(loader, hasPage) } : {}),
        ...(action ? { action: guardAction(action, hasPage) } : {}),
      };
      return [id, { ...route, module }];
    }),
  );
  return { ...build, routes };
}
