// What a reader sees or a screen reader says on a rendered page, for the "no English left"
// tests: text, the title, and the labelling attributes, with entities decoded.

/** Zone abbreviations read the same in every language: CET, HKT, GMT+8. */
export const ZONE_ABBREVIATION = /^(?:[A-Z]{2,5}|GMT[+-]\d{1,2}(?::\d\d)?|UTC[+-]\d{1,2}(?::\d\d)?)$/;

export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/**
 * The perceivable text of a page: scripts, styles and comments dropped, then whatever
 * `drop` names (parts that are data, not interface), then tags; plus aria-label, alt,
 * placeholder and title values.
 */
export function perceivable(html: string, { drop = [], joinAcrossComments = false }: { drop?: RegExp[]; joinAcrossComments?: boolean } = {}): string {
  let withoutCode = html
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
    // React separates neighbouring text with empty comments: "/speakers/<!-- -->chen-wei" reads as one.
    .replace(/<!--[\s\S]*?-->/g, joinAcrossComments ? "" : " ");
  for (const pattern of drop) withoutCode = withoutCode.replace(pattern, " ");
  const attributes = [...withoutCode.matchAll(/\s(?:aria-label|alt|placeholder|title)="([^"]*)"/gi)].map((m) => m[1]);
  const text = withoutCode.replace(/<[^>]+>/g, " ");
  return decodeEntities([text, ...attributes].join(" "));
}
