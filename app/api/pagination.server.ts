// Keyset pagination: a cursor names the last row's sort value and id, so pages stay
// correct while rows are added or changed, and a page costs an index range, not an offset.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { ApiProblem } from "./api-problem.server";

export const DEFAULT_PAGE = 50;

export interface Ordering {
  /** Written into the cursor, so a cursor from another listing or order is refused. */
  name: string;
  column: AnyColumn;
  id: AnyColumn;
  direction: "asc" | "desc";
}

const cursorShape = z.object({ o: z.string().max(60), v: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), id: z.string().uuid() }).strict();
type Cursor = z.infer<typeof cursorShape>;

/** The sort value as exact text (microseconds, UTC): a JavaScript Date would drop the last three digits. */
export function sortValue(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeCursor(ordering: Ordering, last: { sortValue: string; id: string }): string {
  return Buffer.from(JSON.stringify({ o: ordering.name, v: last.sortValue, id: last.id } satisfies Cursor)).toString("base64url");
}

function decodeCursor(text: string, ordering: Ordering): Cursor {
  const bad = new ApiProblem(400, "The cursor is not one this listing gave out; start again without it.", [{ field: "cursor", detail: "Unrecognised cursor" }]);
  if (!/^[A-Za-z0-9_-]{1,500}$/.test(text)) throw bad;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw bad;
  }
  const cursor = cursorShape.safeParse(parsed);
  if (!cursor.success || cursor.data.o !== ordering.name || Number.isNaN(Date.parse(cursor.data.v))) throw bad;
  return cursor.data;
}

/** The WHERE fragment for "after the cursor" in this ordering; undefined without a cursor. */
export function afterCursor(ordering: Ordering, cursorText: string | undefined): SQL | undefined {
  if (cursorText === undefined) return undefined;
  const cursor = decodeCursor(cursorText, ordering);
  const comparison = ordering.direction === "asc" ? sql.raw(">") : sql.raw("<");
  return sql`(${ordering.column}, ${ordering.id}) ${comparison} (${cursor.v}::timestamptz, ${cursor.id}::uuid)`;
}

export function orderOf(ordering: Ordering): SQL[] {
  return ordering.direction === "asc" ? [sql`${ordering.column} asc`, sql`${ordering.id} asc`] : [sql`${ordering.column} desc`, sql`${ordering.id} desc`];
}

/** Rows were fetched with limit + 1: the extra one only says whether another page exists. */
export function pageFrom<Row extends { sortValue: string; id: string }, Item>(
  rows: Row[],
  limit: number,
  ordering: Ordering,
  toItem: (row: Row) => Item,
): { data: Item[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page.map(toItem), next_cursor: rows.length > limit && last ? encodeCursor(ordering, last) : null };
}
