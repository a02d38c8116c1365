import { redirect } from "@remix-run/node";
import type { Database } from "~db/client.server";
import { formatInstant } from "~/time";
import { translatorFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locales";
import { decideJoin } from "./join.server";

export type JoinProblem =
  | { kind: "unknown-link" }
  | { kind: "not-confirmed"; status: string; eventSlug: string; eventTitle: string }
  | { kind: "too-early"; eventSlug: string; eventTitle: string; opensAtText: string }
  | { kind: "ended" | "cancelled" | "no-link-yet"; eventSlug: string; eventTitle: string };

/** Redirects to the webinar when the registrant may join; otherwise says why not. */
export async function joinLoader(
  db: Database,
  { token, via, locale = "en" }: { token: string | undefined; via: "join" | "manage"; locale?: Locale },
): Promise<JoinProblem> {
  const decision = await decideJoin(db, { token, via }, new Date());
  switch (decision.kind) {
    case "redirect":
      throw redirect(decision.url, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
    case "unknown-link":
      throw new Response(translatorFor(locale)("join.invalidLink"), { status: 404 });
    case "too-early":
      return {
        kind: "too-early",
        eventSlug: decision.eventSlug,
        eventTitle: decision.eventTitle,
        opensAtText: formatInstant(decision.opensAt, decision.timeZone, "dateAtTime", locale),
      };
    default:
      return decision;
  }
}
