import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestLocale } from "~/i18n/request-locale.server";
import { timeZoneChoicesHtml } from "~/time/zone-catalog.server";

// The zone suggestions for a page reached by client-side navigation (a full
// page load has them in its HTML already). The same for every reader of one
// language, so cacheable per language.
export function loader({ request }: LoaderFunctionArgs) {
  return new Response(timeZoneChoicesHtml(requestLocale(request)), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=86400", Vary: "Accept-Language, Cookie" },
  });
}
