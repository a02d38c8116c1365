// What the three organizer directories (people, series, organizations) share
// on the server: form error shapes and change lists for the audit log. Each
// directory keeps its own rules in its own module; database helpers every area
// uses live in db/records.server.ts.

/** Errors per form field; "form" holds those that belong to no single field. */
export type DirectoryFieldErrors<Values> = Partial<Record<Extract<keyof Values, string> | "form", string[]>>;

/** `refused`: the user may not make this change at all (403), rather than a value to correct (400). */
export type DirectorySaveOutcome<Row, Values> = { ok: true; record: Row } | { ok: false; fieldErrors: DirectoryFieldErrors<Values>; refused?: boolean };

/** The names of the fields whose values differ, for "Changed name, affiliation". */
export function changedFields<Row extends Record<string, unknown>>(before: Row, after: Row, fields: readonly (keyof Row & string)[]): string[] {
  return fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** "" → null for optional columns that are nullable rather than empty. */
export function orNull(value: string | undefined): string | null {
  return value ? value : null;
}
