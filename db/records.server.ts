// Database helpers every area uses: the transaction type, uuid checks for route
// params, unique-violation detection, free slugs and LIKE escaping. They belong
// to no single area, so they live beside the schema.
import type { Database } from "./client.server";

/** A transaction inside Database.transaction; area functions accept it wherever they accept the database. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

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

/** "Erik Jenelius" → "erik-jenelius": ASCII, lower case, at most 80 characters. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
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

/** Escapes LIKE's wildcards (and its escape character) so a search for "50%" or "a_b" matches literally. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A named prepared statement, built once per database handle. The query builder
 * then skips rebuilding the SQL on every call, and on PostgreSQL the name makes
 * postgres.js prepare it once per connection (drizzle sends unnamed statements,
 * planned anew each time, unless a query has a name). PGlite runs the same
 * statement through its own extended protocol; the saving there is the builder.
 * Values go in as `sql.placeholder("…")` and are passed to `execute`.
 * Only for the database handle itself, never a transaction.
 */
export function preparedStatement<Statement>(build: (db: Database) => Statement): (db: Database) => Statement {
  const byDatabase = new WeakMap<Database, Statement>();
  return (db) => {
    let statement = byDatabase.get(db);
    if (statement === undefined) {
      statement = build(db);
      byDatabase.set(db, statement);
    }
    return statement;
  };
}
