import { isValidTimeZone } from "~/time";
import { readCookie, TIME_ZONE_COOKIE } from "./client-hints";

/** The visitor's IANA zone from the client-hint cookie, or null when unknown or forged. */
export function viewerZoneFrom(request: Request): string | null {
  const zone = readCookie(request.headers.get("Cookie"), TIME_ZONE_COOKIE);
  return zone && isValidTimeZone(zone) ? zone : null;
}
