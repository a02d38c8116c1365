import { timeZoneChoicesHtml } from "~/time/zone-catalog.server";

// The zone suggestions for a page reached by client-side navigation (a full
// page load has them in its HTML already). The same for everyone, so cacheable.
export function loader() {
  return new Response(timeZoneChoicesHtml(), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
