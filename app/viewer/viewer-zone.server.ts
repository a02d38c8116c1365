import { safeRedirectPath } from "~/auth/session.server";
import { translatorFor } from "~/i18n/catalogues.server";
import type { Translate } from "~/i18n/translator";
import { canonicalTimeZone, resolveTimeZone } from "~/time/zone-catalog.server";
import { MANUAL_ZONE_COOKIE, readCookie, TIME_ZONE_COOKIE } from "./client-hints";

/**
 * The visitor's zone from the client-hint cookie, under its current name
 * (a browser reporting Asia/Calcutta is shown Asia/Kolkata), or null when
 * unknown or forged.
 */
export function viewerZoneFrom(request: Request): string | null {
  const zone = readCookie(request.headers.get("Cookie"), TIME_ZONE_COOKIE);
  return zone ? canonicalTimeZone(zone) : null;
}

/** Whether the visitor picked their zone by hand (the browser's guess is then left alone). */
export function viewerChoseZone(request: Request): boolean {
  return readCookie(request.headers.get("Cookie"), MANUAL_ZONE_COOKIE) === "1";
}

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * The cookies for a zone the visitor chose: the zone, and the flag that stops
 * the client-hint script from putting the browser's zone back. With `null` the
 * choice is forgotten and the browser's zone is used again.
 */
export function viewerZoneCookies(zone: string | null): string[] {
  const attributes = "Path=/; SameSite=Lax";
  if (zone === null) {
    return [`${MANUAL_ZONE_COOKIE}=; Max-Age=0; ${attributes}`, `${TIME_ZONE_COOKIE}=; Max-Age=0; ${attributes}`];
  }
  return [
    `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Max-Age=${ONE_YEAR_SECONDS}; ${attributes}`,
    `${MANUAL_ZONE_COOKIE}=1; Max-Age=${ONE_YEAR_SECONDS}; ${attributes}`,
  ];
}

export type ViewerZoneChoice =
  | { kind: "chosen"; zone: string | null; returnTo: string }
  | { kind: "invalid"; typed: string; message: string; returnTo: string };

/**
 * The /time-zone form: a zone typed or picked ("Stockholm", "Kolkata — Asia/Kolkata"),
 * or intent=automatic to go back to the browser's own zone.
 */
export function readViewerZoneChoice(formData: FormData, t: Translate = translatorFor("en")): ViewerZoneChoice {
  const returnTo = safeRedirectPath(formData.get("returnTo"), "/");
  if (formData.get("intent") === "automatic") return { kind: "chosen", zone: null, returnTo };
  const typed = String(formData.get("zone") ?? "").slice(0, 100);
  if (typed.trim() === "") return { kind: "invalid", typed, message: t("zone.typeCity"), returnTo };
  const zone = resolveTimeZone(typed);
  if (zone === null) return { kind: "invalid", typed, message: t("validation.zoneUnknown"), returnTo };
  return { kind: "chosen", zone, returnTo };
}

/** What a prefilled zone field says about where its zone came from. */
export function viewerZoneNote(request: Request, t: Translate = translatorFor("en")): string {
  return viewerChoseZone(request) ? t("zone.chosenNote") : t("zone.browserNote");
}
