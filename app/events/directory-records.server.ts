// What the three organizer directories (people, series, organizations) share
// on the server: free slugs, unique-violation detection and change lists for
// the audit log. Each directory keeps its own rules in its own module.
import type { Database } from "~db/client.server";
import { slugify } from "~db/factories";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Errors per form field; "form" holds those that belong to no single field. */
export type DirectoryFieldErrors<Values> = Partial<Record<Extract<keyof Values, string> | "form", string[]>>;

export type DirectorySaveOutcome<Row, Values> = { ok: true; record: Row } | { ok: false; fieldErrors: DirectoryFieldErrors<Values> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route params come from the URL: anything that is not a uuid would make PostgreSQL throw, so it is "not found". */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * PostgreSQL's unique_violation. postgres.js puts the code on the error itself;
 * drizzle wraps PGlite's (and newer drivers') errors with the original as `cause`.
 */
export function isUniqueViolation(error: unknown): boolean {
  const direct = (error as { code?: unknown } | null)?.code;
  const wrapped = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return direct === "23505" || wrapped === "23505";
}

/** A free slug from a name: "erik-jenelius", then "erik-jenelius-2", "erik-jenelius-3", … */
export async function freeSlug(text: string, { fallback, isTaken }: { fallback: string; isTaken: (slug: string) => Promise<boolean> }): Promise<string> {
  // slugify caps at 80 characters; leave room for the suffix so the slug stays within the form's limit.
  const base = slugify(text).slice(0, 72).replace(/-+$/g, "") || fallback;
  for (let n = 1; n < 1000; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  return `${base}-${Date.now()}`;
}

/** The names of the fields whose values differ, for "Changed name, affiliation". */
export function changedFields<Row extends Record<string, unknown>>(before: Row, after: Row, fields: readonly (keyof Row & string)[]): string[] {
  return fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** Escapes LIKE's wildcards (and its escape character) so a search for "50%" or "a_b" matches literally. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** "" → null for optional columns that are nullable rather than empty. */
export function orNull(value: string | undefined): string | null {
  return value ? value : null;
}
