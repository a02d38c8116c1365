// The time-zone catalogue: current IANA names (Asia/Kolkata, Europe/Kyiv) with
// their main cities, from @vvo/tzdb. Server only (decision 008): the browser
// never downloads the catalogue, it gets the rendered <datalist> once.
//
// ICU on Node 20 still calls Asia/Kolkata "Asia/Calcutta", so ICU cannot tell
// us the current name; it can tell us that two names are the same zone, which
// is how every alias ICU knows (US/Eastern, Asia/Saigon…) finds its current name.
import { getTimeZones, timeZonesNames } from "@vvo/tzdb";
import type { Locale } from "~/i18n/locales";
import { intlLocaleOf, zoneName } from "./format";
import { cityName, DEFAULT_ZONE, isValidTimeZone, zoneFromChoice } from "./zones";

interface CatalogueZone {
  name: string;
  country: string;
  countryCode: string;
  cities: string[];
}

interface Catalogue {
  zones: CatalogueZone[];
  names: string[];
  /** ICU's id for a zone → the current IANA name. */
  byIcuId: Map<string, string>;
  /** Lower-cased names and aliases → the current name. */
  byName: Map<string, string>;
  /** Folded city names → the current name. */
  byCity: Map<string, string>;
}

function icuId(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** "Malmö" and "malmo", "Ho Chi Minh" and "ho_chi_minh" are the same city to a person typing. */
function foldCity(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[_\s]+/g, " ")
    .trim()
    .toLowerCase();
}

let catalogue: Catalogue | null = null;

function load(): Catalogue {
  if (catalogue) return catalogue;
  const zones: CatalogueZone[] = getTimeZones()
    .map((z) => ({ name: z.name, country: z.countryName, countryCode: z.countryCode, cities: z.mainCities }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const names = [...new Set([...timeZonesNames, DEFAULT_ZONE])].sort();
  const byIcuId = new Map<string, string>();
  const byName = new Map<string, string>();
  const byCity = new Map<string, string>();
  for (const name of names) {
    byName.set(name.toLowerCase(), name);
    const id = icuId(name);
    if (id && !byIcuId.has(id)) byIcuId.set(id, name);
  }
  for (const zone of getTimeZones()) {
    // A group lists the zone's aliases (Asia/Calcutta under Asia/Kolkata); a name
    // that is itself current keeps its own entry.
    for (const alias of zone.group) if (!byName.has(alias.toLowerCase())) byName.set(alias.toLowerCase(), zone.name);
  }
  for (const zone of zones) {
    for (const city of [cityName(zone.name), ...zone.cities]) {
      const key = foldCity(city);
      if (!byCity.has(key)) byCity.set(key, zone.name);
    }
  }
  byName.set("etc/utc", DEFAULT_ZONE);
  byName.set("utc", DEFAULT_ZONE);
  catalogue = { zones, names, byIcuId, byName, byCity };
  return catalogue;
}

/** Every current IANA name (no legacy aliases), sorted, with UTC. */
export function listTimeZones(): string[] {
  return load().names;
}

/**
 * The current name of any IANA zone or alias: Asia/Calcutta → Asia/Kolkata,
 * Europe/Kiev → Europe/Kyiv, US/Eastern → America/New_York. A valid zone the
 * catalogue does not list (Etc/GMT+5) is kept as given; anything else is null.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!isValidTimeZone(zone)) return null;
  const { byName, byIcuId } = load();
  const named = byName.get(zone.toLowerCase());
  if (named) return named;
  const id = icuId(zone);
  return (id && byIcuId.get(id)) ?? id ?? null;
}

/**
 * What a person typed or picked in a zone field, as a current IANA name:
 * "Kolkata — Asia/Kolkata" (a suggestion), "Asia/Calcutta", "asia/kolkata",
 * or a city ("Mumbai", "malmo"). Null when it names no zone we know.
 */
export function resolveTimeZone(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 100) return null;
  const zone = zoneFromChoice(trimmed);
  return canonicalTimeZone(zone) ?? load().byCity.get(foldCity(zone)) ?? null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const choicesHtml = new Map<Locale, string>();

/** "India", "印度", "Indien": the country in the reader's language, or as the catalogue spells it in English. */
function countryIn(zone: CatalogueZone, names: Intl.DisplayNames | null): string {
  try {
    return (zone.countryCode && names?.of(zone.countryCode)) || zone.country;
  } catch {
    return zone.country;
  }
}

/**
 * The <option>s of the zone suggestions, rendered once per process and language: the value
 * a person sees in the field ("Kolkata — Asia/Kolkata"), and as the label the country and
 * the zone's name in the reader's language, then the main cities as the catalogue spells
 * them, so typing "Mumbai", "India", "印度" or "Indien" finds it.
 */
export function timeZoneChoicesHtml(locale: Locale = "en"): string {
  let html = choicesHtml.get(locale);
  if (html === undefined) {
    const intl = intlLocaleOf(locale);
    const countries = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(intl, { type: "region" }) : null;
    const options = load().zones.map((zone) => {
      const zoneInLanguage = locale === "en" ? [] : [zoneName(zone.name, locale)].filter((n) => n !== zone.name.replace(/_/g, " "));
      const label = [countryIn(zone, countries), ...zoneInLanguage, ...zone.cities.filter((c) => c !== cityName(zone.name))].join(" · ");
      return `<option value="${escapeHtml(`${cityName(zone.name)} — ${zone.name}`)}" label="${escapeHtml(label)}"></option>`;
    });
    const utcName = new Intl.DateTimeFormat(intl, { timeZone: "UTC", timeZoneName: "long" }).formatToParts(0).find((p) => p.type === "timeZoneName")?.value ?? "UTC";
    html = [`<option value="${DEFAULT_ZONE}" label="${escapeHtml(utcName)}"></option>`, ...options].join("");
    choicesHtml.set(locale, html);
  }
  return html;
}
